package org.mutuality.assessment.submissions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mutuality.assessment.instruments.RecommendationKind;

/**
 * A submission as API.md's Assessments section describes it, with the answers it was scored from.
 */
record SubmissionResponse(UUID id, String assessmentId, int assessmentVersion, UUID clientId, Instant submittedAt,
		int totalScore, BandResponse band, List<SubscaleResponse> subscales, List<String> riskFlags,
		RecommendationResponse recommendation, boolean consentToContact, List<AnswerResponse> answers) {

	static SubmissionResponse of(Submission submission) {
		return new SubmissionResponse(submission.getId(), submission.getAssessmentId(),
				submission.getAssessmentVersion(), submission.getClientId(), submission.getSubmittedAt(),
				submission.getTotalScore(),
				new BandResponse(submission.getBandCode(), submission.getBandLabel(), submission.getBandDescription()),
				submission.getSubscales()
					.stream()
					.map((subscale) -> new SubscaleResponse(subscale.code(), subscale.label(), subscale.score(),
							subscale.minScore(), subscale.maxScore()))
					.toList(),
				submission.getRiskFlags(),
				new RecommendationResponse(submission.getRecommendationKind(), submission.getRecommendationMessage()),
				submission.isConsentToContact(),
				submission.getAnswers()
					.stream()
					.map((answer) -> new AnswerResponse(answer.itemId(), answer.value()))
					.toList());
	}

	@Schema(name = "SubmissionBand")
	record BandResponse(String code, String label, String description) {
	}

	@Schema(name = "SubmissionSubscale")
	record SubscaleResponse(String code, String label, int score, int minScore, int maxScore) {
	}

	@Schema(name = "SubmissionRecommendation")
	record RecommendationResponse(RecommendationKind kind, String message) {
	}

	@Schema(name = "SubmissionAnswer")
	record AnswerResponse(String itemId, int value) {
	}

}
