package org.mutuality.assessment.instruments;

import java.util.Objects;

/**
 * A range of total scores, both ends included, with the label and plain-language description a
 * person sees and the recommendation that follows when no risk flag is raised. The bands of an
 * instrument cover its whole total range without gaps or overlaps.
 */
public record Band(String code, int min, int max, String label, String description,
		RecommendationKind recommendation) {

	public Band {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(label, "label");
		Objects.requireNonNull(description, "description");
		Objects.requireNonNull(recommendation, "recommendation");
	}

	/** Whether the given total falls in this band. */
	public boolean contains(int total) {
		return total >= this.min && total <= this.max;
	}

}
