package org.mutuality.assessment.instruments;

import java.util.Objects;

/**
 * One answer an item offers: the value that is scored and the label a person reads.
 */
public record AnswerOption(int value, String label) {

	public AnswerOption {
		Objects.requireNonNull(label, "label");
	}

}
