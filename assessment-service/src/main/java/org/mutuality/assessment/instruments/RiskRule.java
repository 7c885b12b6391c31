package org.mutuality.assessment.instruments;

import java.util.Objects;

/**
 * Raises a risk flag when one item is answered with a value of at least {@code atLeast}, whatever
 * the total. The value compared is the answer as given, before any reverse scoring.
 */
public record RiskRule(String flag, String itemId, int atLeast, String description) {

	public RiskRule {
		Objects.requireNonNull(flag, "flag");
		Objects.requireNonNull(itemId, "itemId");
	}

	/** Whether the given answer to this rule's item raises the flag. */
	public boolean raisedBy(int answer) {
		return answer >= this.atLeast;
	}

}
