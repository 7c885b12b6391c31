package org.mutuality.booking.notifications;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What one queued email is to say and to whom, kept in the outbox as JSON and rendered by
 * {@link MailTemplates} when the sender delivers it, after the change that caused it committed: a
 * booking's transaction writes a small row instead of rendering four messages and their calendar
 * invitations while it holds a connection.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "to")
@JsonSubTypes({ @JsonSubTypes.Type(value = MailRequest.ToClient.class, name = "client"),
		@JsonSubTypes.Type(value = MailRequest.ToTherapist.class, name = "therapist"),
		@JsonSubTypes.Type(value = MailRequest.Invitation.class, name = "invitee") })
sealed interface MailRequest {

	/** The address the email goes to. */
	String recipient();

	/**
	 * The email to a booking's client.
	 *
	 * @param booking what it may say
	 */
	record ToClient(BookingNotice booking) implements MailRequest {

		@Override
		public String recipient() {
			return this.booking.clientEmail();
		}

	}

	/**
	 * The email to a booking's therapist.
	 *
	 * @param booking what it may say
	 */
	record ToTherapist(BookingNotice booking) implements MailRequest {

		@Override
		public String recipient() {
			return this.booking.therapistEmail();
		}

	}

	/**
	 * The invitation to book a free consultation.
	 *
	 * @param email the client's address
	 * @param name the client's name, or {@code null}
	 */
	record Invitation(String email, String name) implements MailRequest {

		@Override
		public String recipient() {
			return this.email;
		}

	}

	/**
	 * A message rendered when it was queued, as every message was before messages were rendered
	 * when sent; such rows are delivered as they are.
	 *
	 * @param mail the message
	 */
	record Rendered(OutgoingMail mail) implements MailRequest {

		@Override
		public String recipient() {
			return this.mail.recipient();
		}

	}

	/**
	 * A stored request that could not be read back; the sender gives it up at once instead of
	 * letting it hold up the queue.
	 *
	 * @param error why it could not be read
	 */
	record Unreadable(String error) implements MailRequest {

		@Override
		public String recipient() {
			return null;
		}

	}

}
