package org.mutuality.booking.followups;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A follow-up as API.md describes it, and whether the client agreed to be contacted about the result
 * (a follow-up is made either way; the therapist must know before reaching out). The outcome is
 * shown to therapists and admins only.
 */
record FollowUpResponse(UUID id, String submissionId, String assessmentId, UUID clientId, String clientName,
		Integer totalScore, String bandCode, List<String> riskFlags, FollowUpPriority priority, FollowUpStatus status,
		UUID claimedBy, UUID bookingId, Instant createdAt, String outcome, boolean consentToContact) {

	static FollowUpResponse forStaff(FollowUp followUp) {
		return of(followUp, followUp.getOutcome());
	}

	static FollowUpResponse forClient(FollowUp followUp) {
		return of(followUp, null);
	}

	private static FollowUpResponse of(FollowUp followUp, String outcome) {
		return new FollowUpResponse(followUp.getId(), followUp.getSubmissionId(), followUp.getAssessmentId(),
				followUp.getClientId(), followUp.getClientName(), followUp.getTotalScore(), followUp.getBandCode(),
				followUp.getRiskFlags(), followUp.getPriority(), followUp.getStatus(), followUp.getClaimedBy(),
				followUp.getBookingId(), followUp.getCreatedAt(), outcome, followUp.isConsentToContact());
	}

}
