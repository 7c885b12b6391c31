package org.mutuality.assessment.scoring;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of scoring one set of valid answers under one instrument version: the total, the band
 * it falls in, every subscale's score in the order the instrument declares them, the risk flags
 * raised (in rule order, each once), and the recommendation. Scoring the same answers under the
 * same version always gives the same result.
 */
public record ScoredAssessment(String instrumentId, int instrumentVersion, int totalScore, ScoredBand band,
		List<SubscaleScore> subscales, List<String> riskFlags, Recommendation recommendation) {

	public ScoredAssessment {
		Objects.requireNonNull(instrumentId, "instrumentId");
		Objects.requireNonNull(band, "band");
		Objects.requireNonNull(recommendation, "recommendation");
		subscales = List.copyOf(subscales);
		riskFlags = List.copyOf(riskFlags);
	}

	/** Whether any risk flag was raised. */
	public boolean hasRisk() {
		return !this.riskFlags.isEmpty();
	}

}
