package org.mutuality.booking.notifications;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What one queued email is to say, kept in the outbox as JSON and rendered by {@link MailTemplates}
 * when the sender delivers it, after the change that caused it committed: a booking's transaction
 * writes a small row instead of rendering four messages and their calendar invitations while it
 * holds a connection. This JSON is a stored format: a message may wait a day or more (a reminder),
 * so renaming a field here or in {@link BookingNotice} needs a migration of the pending rows.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "to")
@JsonSubTypes({ @JsonSubTypes.Type(value = MailRequest.ToClient.class, name = "client"),
		@JsonSubTypes.Type(value = MailRequest.ToTherapist.class, name = "therapist"),
		@JsonSubTypes.Type(value = MailRequest.Invitation.class, name = "invitee") })
sealed interface MailRequest {

	/**
	 * The email to a booking's client.
	 *
	 * @param booking what it may say
	 */
	record ToClient(BookingNotice booking) implements MailRequest {
	}

	/**
	 * The email to a booking's therapist.
	 *
	 * @param booking what it may say
	 */
	record ToTherapist(BookingNotice booking) implements MailRequest {
	}

	/**
	 * The invitation to book a free consultation.
	 *
	 * @param email the client's address
	 * @param name the client's name, or {@code null}
	 */
	record Invitation(String email, String name) implements MailRequest {
	}

}
