package org.mutuality.assessment.scoring;

import java.util.Objects;

import org.mutuality.assessment.instruments.RecommendationKind;

/**
 * What a scored assessment recommends, and the message shown with it, taken from the instrument
 * version the answers were scored under.
 */
public record Recommendation(RecommendationKind kind, String message) {

	public Recommendation {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(message, "message");
	}

}
