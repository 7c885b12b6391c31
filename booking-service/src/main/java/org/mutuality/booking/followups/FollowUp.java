package org.mutuality.booking.followups;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An invitation to book that one completed assessment created, and the therapists' work on it.
 * {@code eventId} is the id of the event it came from: one follow-up per event.
 */
@Entity
@Table(name = "follow_ups")
public class FollowUp {

	@Id
	private UUID id;

	private String eventId;

	private String submissionId;

	private String assessmentId;

	private UUID clientId;

	private String clientName;

	private Integer totalScore;

	private String bandCode;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private List<String> riskFlags = new ArrayList<>();

	@Enumerated(EnumType.STRING)
	private FollowUpPriority priority;

	@Enumerated(EnumType.STRING)
	private FollowUpStatus status;

	private UUID claimedBy;

	private UUID bookingId;

	private String outcome;

	private boolean consentToContact;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private Long version;

	protected FollowUp() {
	}

	FollowUp(UUID id, String eventId, String submissionId, String assessmentId, UUID clientId, String clientName,
			Integer totalScore, String bandCode, List<String> riskFlags, boolean consentToContact, Instant now) {
		this.id = id;
		this.consentToContact = consentToContact;
		this.eventId = eventId;
		this.submissionId = submissionId;
		this.assessmentId = assessmentId;
		this.clientId = clientId;
		this.clientName = clientName;
		this.totalScore = totalScore;
		this.bandCode = bandCode;
		this.riskFlags = new ArrayList<>(riskFlags);
		this.priority = riskFlags.isEmpty() ? FollowUpPriority.ROUTINE : FollowUpPriority.URGENT;
		this.status = FollowUpStatus.OPEN;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void claim(UUID therapistId, Instant now) {
		this.claimedBy = therapistId;
		if (this.status == FollowUpStatus.OPEN) {
			this.status = FollowUpStatus.CLAIMED;
		}
		this.updatedAt = now;
	}

	void close(String outcome, Instant now) {
		this.status = FollowUpStatus.CLOSED;
		this.outcome = outcome;
		this.updatedAt = now;
	}

	void book(UUID bookingId, Instant now) {
		this.status = FollowUpStatus.BOOKED;
		this.bookingId = bookingId;
		this.updatedAt = now;
	}

	/** Back to the queue when its booking was cancelled. */
	void unbook(Instant now) {
		this.status = (this.claimedBy != null) ? FollowUpStatus.CLAIMED : FollowUpStatus.OPEN;
		this.bookingId = null;
		this.updatedAt = now;
	}

	public UUID getId() {
		return this.id;
	}

	public String getEventId() {
		return this.eventId;
	}

	public String getSubmissionId() {
		return this.submissionId;
	}

	public String getAssessmentId() {
		return this.assessmentId;
	}

	public UUID getClientId() {
		return this.clientId;
	}

	public String getClientName() {
		return this.clientName;
	}

	public Integer getTotalScore() {
		return this.totalScore;
	}

	public String getBandCode() {
		return this.bandCode;
	}

	public List<String> getRiskFlags() {
		return List.copyOf(this.riskFlags);
	}

	public FollowUpPriority getPriority() {
		return this.priority;
	}

	public FollowUpStatus getStatus() {
		return this.status;
	}

	public UUID getClaimedBy() {
		return this.claimedBy;
	}

	public UUID getBookingId() {
		return this.bookingId;
	}

	/** Whether the client agreed to be contacted about the result. */
	public boolean isConsentToContact() {
		return this.consentToContact;
	}

	public String getOutcome() {
		return this.outcome;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
