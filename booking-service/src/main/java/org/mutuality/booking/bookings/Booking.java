package org.mutuality.booking.bookings;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A free consultation of one client with one therapist, {@code [start, end)}. The database's
 * exclusion constraint keeps two confirmed bookings of one therapist from overlapping, whatever
 * the code does. Calendars get only the client's initials; the client's address, name and time zone
 * (from their token and request at booking time) are kept for the emails about the booking.
 * {@code sequence} is the iCalendar {@code SEQUENCE}: 0 when booked, one more with each change.
 */
@Entity
@Table(name = "bookings")
public class Booking {

	@Id
	private UUID id;

	private UUID therapistId;

	private UUID clientId;

	private String clientInitials;

	private String clientEmail;

	private String clientName;

	private String clientTimeZone;

	private int sequence;

	@Column(name = "start_at")
	private Instant start;

	@Column(name = "end_at")
	private Instant end;

	@Enumerated(EnumType.STRING)
	private BookingStatus status;

	private String note;

	private UUID followUpId;

	private Instant createdAt;

	private Instant cancelledAt;

	private String cancelReason;

	@Version
	private Long version;

	protected Booking() {
	}

	Booking(UUID id, UUID therapistId, UUID clientId, String clientInitials, Instant start, Instant end, String note,
			UUID followUpId, Instant now) {
		this.id = id;
		this.therapistId = therapistId;
		this.clientId = clientId;
		this.clientInitials = clientInitials;
		this.start = start;
		this.end = end;
		this.status = BookingStatus.CONFIRMED;
		this.note = note;
		this.followUpId = followUpId;
		this.createdAt = now;
	}

	/** Who to write to about this booking, and the zone to write its times in ({@code null}: the therapist's). */
	void setClientContact(String email, String name, String timeZone) {
		this.clientEmail = email;
		this.clientName = name;
		this.clientTimeZone = timeZone;
	}

	void cancel(String reason, Instant now) {
		this.status = BookingStatus.CANCELLED;
		this.cancelReason = reason;
		this.cancelledAt = now;
		this.sequence++;
	}

	void moveTo(Instant start, Instant end) {
		this.start = start;
		this.end = end;
		this.sequence++;
	}

	public boolean isConfirmed() {
		return this.status == BookingStatus.CONFIRMED;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getTherapistId() {
		return this.therapistId;
	}

	public UUID getClientId() {
		return this.clientId;
	}

	public String getClientInitials() {
		return this.clientInitials;
	}

	public String getClientEmail() {
		return this.clientEmail;
	}

	public String getClientName() {
		return this.clientName;
	}

	public String getClientTimeZone() {
		return this.clientTimeZone;
	}

	public int getSequence() {
		return this.sequence;
	}

	public Instant getStart() {
		return this.start;
	}

	public Instant getEnd() {
		return this.end;
	}

	public BookingStatus getStatus() {
		return this.status;
	}

	public String getNote() {
		return this.note;
	}

	public UUID getFollowUpId() {
		return this.followUpId;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getCancelledAt() {
		return this.cancelledAt;
	}

	public String getCancelReason() {
		return this.cancelReason;
	}

}
