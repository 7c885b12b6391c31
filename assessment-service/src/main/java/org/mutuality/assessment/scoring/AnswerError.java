package org.mutuality.assessment.scoring;

import java.util.Objects;

/**
 * One reason a set of answers was rejected, one per offending item id. {@code field} is
 * {@code answers[<itemId>]}, ready for a problem-details {@code errors: [{field, message}]} entry;
 * {@code itemId} and {@code kind} let a client highlight the question without parsing.
 */
public record AnswerError(String field, String itemId, Kind kind, String message) {

	public AnswerError {
		Objects.requireNonNull(field, "field");
		Objects.requireNonNull(itemId, "itemId");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(message, "message");
	}

	/** Why an item's answer was rejected. */
	public enum Kind {

		/** A required item has no answer. */
		MISSING_ANSWER,

		/** The answer names an item the instrument version does not have. */
		UNKNOWN_ITEM,

		/** The item was answered more than once. */
		DUPLICATE_ANSWER,

		/** The value is not one of the item's options. */
		INVALID_VALUE

	}

}
