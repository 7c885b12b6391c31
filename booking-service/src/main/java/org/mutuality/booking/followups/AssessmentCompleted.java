package org.mutuality.booking.followups;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What booking-service takes from one {@code assessment.completed.v1} event (API.md, Events): the
 * CloudEvents id and the data a follow-up needs.
 *
 * @param eventId the event's {@code ce_id}, unique per event
 * @param submissionId the submission the assessment completed
 * @param assessmentId the assessment's slug, such as {@code phq-9}
 * @param clientId the client's user id
 * @param clientName the client's display name, shown to therapists
 * @param totalScore the total score
 * @param bandCode the severity band
 * @param riskFlags the risk flags raised, none for most submissions
 * @param recommendation the recommendation's kind: {@code SELF_GUIDED}, {@code BOOK_FREE_CONSULTATION}
 * or {@code URGENT_SUPPORT}
 * @param completedAt when the assessment was submitted
 * @param clientEmail the client's address, {@code null} when the event has none
 * @param consentToContact whether the client agreed to be contacted (invited to book by email)
 */
public record AssessmentCompleted(String eventId, String submissionId, String assessmentId, UUID clientId,
		String clientName, Integer totalScore, String bandCode, List<String> riskFlags, String recommendation,
		Instant completedAt, String clientEmail, boolean consentToContact) {

	/** The recommendation that needs no follow-up. */
	public static final String SELF_GUIDED = "SELF_GUIDED";

	public AssessmentCompleted {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(submissionId, "submissionId");
		Objects.requireNonNull(assessmentId, "assessmentId");
		Objects.requireNonNull(clientId, "clientId");
		Objects.requireNonNull(recommendation, "recommendation");
		riskFlags = (riskFlags != null) ? List.copyOf(riskFlags) : List.of();
	}

	/** Whether the event asks for a follow-up at all. */
	public boolean needsFollowUp() {
		return !SELF_GUIDED.equals(this.recommendation);
	}

}
