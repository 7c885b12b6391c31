package org.mutuality.assessment.submissions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.mutuality.assessment.instruments.RecommendationKind;

/**
 * The data of the {@code assessment.completed.v1} event (API.md, Events): what booking-service needs
 * to open a follow-up without calling back. Published as CloudEvents type {@value #TYPE}, keyed by
 * the client id. {@code recommendation} is the recommendation's kind; its message travels alongside.
 */
record AssessmentCompletedEvent(UUID submissionId, String assessmentId, int assessmentVersion, UUID clientId,
		String clientName, String clientEmail, int totalScore, String bandCode, List<String> riskFlags,
		RecommendationKind recommendation, String recommendationMessage, boolean consentToContact,
		Instant completedAt) {

	/** The CloudEvents type of version 1 of the contract. */
	static final String TYPE = "org.mutuality.assessment.completed.v1";

	static AssessmentCompletedEvent of(Submission submission, String clientName, String clientEmail) {
		return new AssessmentCompletedEvent(submission.getId(), submission.getAssessmentId(),
				submission.getAssessmentVersion(), submission.getClientId(), clientName, clientEmail,
				submission.getTotalScore(), submission.getBandCode(), submission.getRiskFlags(),
				submission.getRecommendationKind(), submission.getRecommendationMessage(),
				submission.isConsentToContact(), submission.getSubmittedAt());
	}

}
