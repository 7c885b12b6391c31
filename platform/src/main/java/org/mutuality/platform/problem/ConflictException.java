package org.mutuality.platform.problem;

/**
 * A 409 problem for a business conflict, identified by a stable code that clients can act on: the
 * problem's {@code type} is {@code /problems/<code>} (for example {@code /problems/slot-unavailable})
 * and its {@code title} is given or derived from the code ("Slot unavailable"). Codes are lower-case
 * words joined by hyphens and are part of the API contract.
 */
public class ConflictException extends ProblemException {

	private final String code;

	public ConflictException(String code, String detail) {
		this(code, null, detail);
	}

	public ConflictException(String code, String title, String detail) {
		super(409, Problems.type(code), (title != null) ? title : Problems.titleOf(code), detail);
		this.code = code;
	}

	/** The problem code, such as {@code slot-unavailable}. */
	public String code() {
		return this.code;
	}

}
