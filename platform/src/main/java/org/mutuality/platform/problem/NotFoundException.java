package org.mutuality.platform.problem;

/**
 * A 404 problem: the resource does not exist, or exists but the caller may not know about it (API.md
 * answers 404 for another user's resource, so that existence does not leak). Use
 * {@link #of(String, Object)} for the usual "Booking 42 was not found".
 */
public class NotFoundException extends ProblemException {

	public NotFoundException(String detail) {
		super(404, null, null, detail);
	}

	/** {@code NotFoundException.of("Booking", id)}: "Booking &lt;id&gt; was not found". */
	public static NotFoundException of(String what, Object id) {
		return new NotFoundException(what + " " + id + " was not found");
	}

}
