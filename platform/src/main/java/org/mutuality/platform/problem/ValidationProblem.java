package org.mutuality.platform.problem;

import java.util.List;
import java.util.Map;

/**
 * A 400 problem for input that is well-formed but invalid by the domain's rules, with one
 * {@link FieldViolation} per offending field, answered as {@code errors: [{field, message}]} like
 * Bean Validation failures. Collect the violations, then throw when there are any:
 * {@code if (!errors.isEmpty()) throw new ValidationProblem(errors);}.
 */
public class ValidationProblem extends ProblemException {

	private final List<FieldViolation> errors;

	public ValidationProblem(List<FieldViolation> errors) {
		this(Problems.VALIDATION_DETAIL, errors);
	}

	public ValidationProblem(String detail, List<FieldViolation> errors) {
		super(400, null, null, detail);
		if (errors.isEmpty()) {
			throw new IllegalArgumentException("A validation problem needs at least one field violation");
		}
		this.errors = List.copyOf(errors);
	}

	/** A validation problem with a single violation. */
	public static ValidationProblem of(String field, String message) {
		return new ValidationProblem(List.of(new FieldViolation(field, message)));
	}

	public List<FieldViolation> errors() {
		return this.errors;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of(Problems.ERRORS, this.errors);
	}

}
