package org.mutuality.platform.problem;

import java.net.URI;
import java.util.Map;

/**
 * The base of the exceptions a service throws to answer with an RFC 9457 problem: it carries the
 * HTTP status, the problem {@code type}, a short {@code title} and the {@code detail} (the
 * exception's message), which the platform's exception handler turns into an
 * {@code application/problem+json} response. It has no web types in its signature, so domain and
 * application services can throw its subclasses without importing web classes. The detail is sent
 * to the caller as it is: write it for the API's users, never with SQL, class names or secrets.
 */
public abstract class ProblemException extends RuntimeException {

	private final int status;

	private final URI type;

	private final String title;

	protected ProblemException(int status, URI type, String title, String detail) {
		this(status, type, title, detail, null);
	}

	protected ProblemException(int status, URI type, String title, String detail, Throwable cause) {
		super(requireDetail(detail), cause);
		this.status = status;
		this.type = (type != null) ? type : Problems.BLANK_TYPE;
		this.title = title;
	}

	private static String requireDetail(String detail) {
		if (detail == null || detail.isBlank()) {
			throw new IllegalArgumentException("A problem needs a detail for the caller");
		}
		return detail;
	}

	/** The HTTP status code. */
	public int status() {
		return this.status;
	}

	/** The problem type: {@code about:blank} or {@code /problems/<code>}. */
	public URI type() {
		return this.type;
	}

	/** The title, or {@code null} for the HTTP reason phrase. */
	public String title() {
		return this.title;
	}

	/** The explanation for the caller, the same as {@link #getMessage()}. */
	public String detail() {
		return getMessage();
	}

	/** Extension members added to the problem; none by default. */
	public Map<String, Object> properties() {
		return Map.of();
	}

}
