package org.mutuality.platform.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the problem details that every Mutuality API answers with (RFC 9457, API.md Conventions),
 * and writes them as {@code application/problem+json}, for code that has no exception handler to do
 * it: the gateway's own errors (503, 429, 413), security entry points, filters. Plain status
 * problems have the type {@code about:blank} and the HTTP reason phrase as title; domain problems
 * have the type {@code /problems/<code>}. Details are written for API users and never carry stack
 * traces, SQL or class names: {@link #forStatus(HttpStatusCode, String)} gives a safe default
 * detail for each status.
 */
public final class Problems {

	/** The {@code type} of a problem that has no semantics beyond its HTTP status. */
	public static final URI BLANK_TYPE = URI.create("about:blank");

	/** The name of the validation problems' extension member. */
	public static final String ERRORS = "errors";

	static final String VALIDATION_DETAIL = "The request is invalid; see errors for each field";

	private static final String TYPE_PREFIX = "/problems/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Problems() {
	}

	/** A problem for the status, with its default detail. */
	public static ProblemDetail forStatus(HttpStatusCode status, String instance) {
		return forStatus(status, defaultDetail(status), instance);
	}

	/** A problem for the status with the given detail, type {@code about:blank}. */
	public static ProblemDetail forStatus(HttpStatusCode status, String detail, String instance) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(BLANK_TYPE);
		problem.setTitle(reasonPhrase(status));
		if (instance != null) {
			problem.setInstance(URI.create(instance));
		}
		return problem;
	}

	/** The problem a {@link ProblemException} stands for. */
	public static ProblemDetail of(ProblemException ex, String instance) {
		HttpStatusCode status = HttpStatusCode.valueOf(ex.status());
		ProblemDetail problem = forStatus(status, ex.detail(), instance);
		problem.setType(ex.type());
		if (ex.title() != null) {
			problem.setTitle(ex.title());
		}
		ex.properties().forEach(problem::setProperty);
		return problem;
	}

	/** A 400 problem listing what is wrong with each field. */
	public static ProblemDetail validation(List<FieldViolation> errors, String instance) {
		return validation(VALIDATION_DETAIL, errors, instance);
	}

	/** A 400 problem with the given detail, listing what is wrong with each field. */
	public static ProblemDetail validation(String detail, List<FieldViolation> errors, String instance) {
		ProblemDetail problem = forStatus(HttpStatus.BAD_REQUEST, detail, instance);
		problem.setProperty(ERRORS, List.copyOf(errors));
		return problem;
	}

	/** A problem with its own type: {@code /problems/<code>}, titled after the code unless given. */
	public static ProblemDetail coded(HttpStatusCode status, String code, String title, String detail,
			String instance) {
		ProblemDetail problem = forStatus(status, detail, instance);
		problem.setType(type(code));
		problem.setTitle((title != null) ? title : titleOf(code));
		return problem;
	}

	/** The problem type URI for a code: {@code /problems/<code>}. */
	public static URI type(String code) {
		if (code == null || !code.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
			throw new IllegalArgumentException("A problem code is lower-case words joined by hyphens: " + code);
		}
		return URI.create(TYPE_PREFIX + code);
	}

	/** A safe, generic detail for a status, for when there is nothing more specific to say. */
	public static String defaultDetail(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "The request is malformed or invalid";
			case 401 -> "A valid bearer access token is required";
			case 403 -> "You are not allowed to do this";
			case 404 -> "The requested resource was not found";
			case 405 -> "The method is not allowed for this resource";
			case 406 -> "No acceptable representation of the resource is available";
			case 409 -> "The request conflicts with the current state of the resource";
			case 412 -> "The resource has changed since it was read; fetch it again and retry";
			case 413 -> "The request body is too large";
			case 415 -> "The request's content type is not supported";
			case 429 -> "Too many requests; retry after the time given in Retry-After";
			case 503 -> "The service is temporarily unavailable; try again shortly";
			case 504 -> "The service did not answer in time; try again shortly";
			default -> status.is5xxServerError() ? "An unexpected error occurred" : reasonPhrase(status);
		};
	}

	/**
	 * The problem as an ordered JSON object ({@code type, title, status, detail, instance}, then
	 * extension members), in UTF-8: for writing a response body without a message converter.
	 */
	public static byte[] toJson(ProblemDetail problem) {
		return JSON.writeValueAsBytes(toMap(problem));
	}

	/**
	 * The problem's members in the order they are written, {@code type} and {@code title} always
	 * included: a body that serialises the same with any JSON mapper, whatever mix-ins it has.
	 */
	public static Map<String, Object> toMap(ProblemDetail problem) {
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("type", (problem.getType() != null) ? problem.getType().toString() : BLANK_TYPE.toString());
		members.put("title", (problem.getTitle() != null) ? problem.getTitle()
				: reasonPhrase(HttpStatusCode.valueOf(problem.getStatus())));
		members.put("status", problem.getStatus());
		if (problem.getDetail() != null) {
			members.put("detail", problem.getDetail());
		}
		if (problem.getInstance() != null) {
			members.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			members.putAll(problem.getProperties());
		}
		return members;
	}

	static String titleOf(String code) {
		String words = code.replace('-', ' ');
		return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
	}

	private static String reasonPhrase(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.getReasonPhrase() : "Error " + status.value();
	}

}
