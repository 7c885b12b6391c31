package org.mutuality.platform.problem;

import java.util.Objects;

/**
 * One entry of a validation problem's {@code errors} member: the offending field (a property path
 * such as {@code answers[2].value}, a query parameter, or an item id) and what is wrong with it.
 */
public record FieldViolation(String field, String message) {

	public FieldViolation {
		Objects.requireNonNull(field, "field");
		Objects.requireNonNull(message, "message");
	}

}
