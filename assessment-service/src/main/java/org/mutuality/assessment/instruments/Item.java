package org.mutuality.assessment.instruments;

import java.util.List;
import java.util.Objects;

/**
 * One question of an instrument with the answers it offers, in ascending order of value. A scored
 * item counts towards the total and, when it names one, its subscale; a reverse-scored item is
 * worded against the direction of its subscale (or of the total), so its answer counts as
 * {@code lowest + highest - answer}. An item that is not required is never scored, so a missing
 * answer cannot shift a total. {@code subscale} is {@code null} for an item outside any subscale.
 */
public record Item(String id, String text, boolean required, boolean scored, List<AnswerOption> options,
		boolean reverseScored, String subscale) {

	public Item {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(text, "text");
		options = List.copyOf(options);
		if (options.isEmpty()) {
			throw new IllegalArgumentException("item " + id + " has no options");
		}
	}

	/** The lowest value an answer may take. */
	public int minValue() {
		return this.options.stream().mapToInt(AnswerOption::value).min().orElseThrow();
	}

	/** The highest value an answer may take. */
	public int maxValue() {
		return this.options.stream().mapToInt(AnswerOption::value).max().orElseThrow();
	}

	/** Whether the value is one of this item's options. */
	public boolean hasOption(int value) {
		return this.options.stream().anyMatch((option) -> option.value() == value);
	}

	/** The given answer turned around on this item's scale: {@code lowest + highest - value}. */
	public int reverse(int value) {
		return minValue() + maxValue() - value;
	}

	/** What the given answer counts for this item's subscale, reverse scoring applied. */
	public int scoredValue(int answer) {
		return this.reverseScored ? reverse(answer) : answer;
	}

}
