package org.mutuality.platform.web;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mutuality.platform.problem.FieldViolation;
import org.mutuality.platform.problem.ProblemException;
import org.mutuality.platform.problem.Problems;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.util.ClassUtils;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one exception handler of the servlet services: every error a controller raises becomes an RFC
 * 9457 {@code application/problem+json} answer whose {@code instance} is the request path. Spring
 * MVC's own exceptions keep their statuses (400, 404, 405, 406, 413, 415, ...), with field-level
 * {@code errors} for invalid bodies and parameters; {@link ProblemException}s answer as they say;
 * anything unexpected is logged and answered 500 with a generic detail. Security exceptions are
 * passed on to Spring Security, which answers 401 or 403 the same way. It has the lowest precedence,
 * so a service's own advice for a specific exception is consulted first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Log log = LogFactory.getLog(ProblemExceptionHandler.class);

	private static final boolean BEAN_VALIDATION_PRESENT = ClassUtils
		.isPresent("jakarta.validation.ConstraintViolationException", ProblemExceptionHandler.class.getClassLoader());

	private static final String INVALID_VALUE = "has an invalid value";

	static final String UNSTORABLE_DETAIL = "The request holds a value the service cannot store, such as a zero character, "
			+ "a text too long or a date out of range";

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<Object> handleProblemException(ProblemException ex, WebRequest request) {
		if (log.isDebugEnabled()) {
			log.debug("Answering " + ex.status() + ": " + ex.getMessage());
		}
		return problem(Problems.of(ex, path(request)), new HttpHeaders());
	}

	/**
	 * Rethrown as they are, so that Spring Security's exception translation answers them: 401 for an
	 * anonymous caller, 403 for an authenticated one.
	 */
	@ExceptionHandler({ AuthenticationException.class, AccessDeniedException.class })
	void handleSecurityException(RuntimeException ex) {
		throw ex;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
		PayloadTooLargeException tooLarge = PayloadTooLargeException.find(ex);
		if (tooLarge != null) {
			return payloadTooLarge(tooLarge, request);
		}
		if (BEAN_VALIDATION_PRESENT && ConstraintViolations.isConstraintViolation(ex)) {
			return problem(Problems.validation(ConstraintViolations.errors(ex), path(request)), new HttpHeaders());
		}
		SQLException unstorable = unstorableValue(ex);
		if (unstorable != null) {
			log.warn("Answering 400 to " + describe(request) + ", a value the database refused: " + unstorable.getMessage());
			return problem(Problems.forStatus(HttpStatus.BAD_REQUEST, UNSTORABLE_DETAIL, path(request)), new HttpHeaders());
		}
		log.error("Unexpected error answering " + describe(request), ex);
		return problem(Problems.forStatus(HttpStatus.INTERNAL_SERVER_ERROR, path(request)), new HttpHeaders());
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(Problems.validation(errors(ex.getBindingResult()), path(request)), headers);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldViolation> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			String parameter = parameterName(result.getMethodParameter());
			result.getResolvableErrors().forEach((error) -> {
				if (error instanceof FieldError fieldError) {
					errors.add(new FieldViolation(fieldError.getField(), message(fieldError)));
				}
				else {
					errors.add(new FieldViolation(parameter, message(error)));
				}
			});
		});
		if (errors.isEmpty()) {
			return handleExceptionInternal(ex, null, headers, status, request);
		}
		return problem(Problems.validation(errors, path(request)), headers);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex instanceof MethodArgumentTypeMismatchException argument) ? argument.getName()
				: ex.getPropertyName();
		if (name == null) {
			return handleExceptionInternal(ex, null, headers, status, request);
		}
		String message = INVALID_VALUE;
		Class<?> type = ex.getRequiredType();
		if (type != null && type.isEnum()) {
			message = "must be one of " + Arrays.stream(type.getEnumConstants())
				.map(Object::toString)
				.collect(Collectors.joining(", "));
		}
		return problem(Problems.validation("Parameter '" + name + "' " + message,
				List.of(new FieldViolation(name, message)), path(request)), headers);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String name = ex.getParameterName();
		return problem(Problems.validation("Required parameter '" + name + "' is missing",
				List.of(new FieldViolation(name, "is required")), path(request)), headers);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		PayloadTooLargeException tooLarge = PayloadTooLargeException.find(ex);
		if (tooLarge != null) {
			return payloadTooLarge(tooLarge, request);
		}
		Throwable cause = ex.getCause();
		// a number too large for its field is read as well-formed JSON, and so is a field given twice
		boolean aboutAField = !(cause instanceof StreamReadException) || cause instanceof InputCoercionException
				|| isDuplicateField(cause);
		if (cause instanceof JacksonException jackson && aboutAField && !jackson.getPath().isEmpty()) {
			String field = fieldPath(jackson.getPath());
			String message = (cause instanceof UnrecognizedPropertyException) ? "is not a known field"
					: isDuplicateField(cause) ? "is given more than once" : "has a wrong type or format";
			return problem(Problems.validation("The request body's field '" + field + "' " + message,
					List.of(new FieldViolation(field, message)), path(request)), headers);
		}
		String detail = (cause == null) ? "The request body is missing or cannot be read"
				: "The request body is not well-formed JSON";
		return problem(Problems.forStatus(HttpStatus.BAD_REQUEST, detail, path(request)), headers);
	}

	private static boolean isDuplicateField(Throwable cause) {
		return cause instanceof StreamReadException && cause.getMessage() != null
				&& cause.getMessage().startsWith("Duplicate Object property");
	}

	/**
	 * The funnel of Spring MVC's exceptions: keeps their status, type, title and (for 4xx) detail,
	 * sets the instance, and replaces a 5xx detail with a generic one after logging the cause.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		PayloadTooLargeException tooLarge = PayloadTooLargeException.find(ex);
		if (tooLarge != null) {
			return payloadTooLarge(tooLarge, request);
		}
		if (statusCode.is5xxServerError()) {
			if (statusCode.value() != HttpStatus.SERVICE_UNAVAILABLE.value()) {
				log.error("Error answering " + describe(request), ex);
			}
			return problem(Problems.forStatus(statusCode, path(request)), headers);
		}
		ProblemDetail problem = (body instanceof ProblemDetail detail) ? detail
				: Problems.forStatus(statusCode, path(request));
		if (problem.getDetail() == null) {
			problem.setDetail(Problems.defaultDetail(statusCode));
		}
		return problem(problem, headers, request);
	}

	/**
	 * The database's refusal of a value, if that is what failed the request: SQL state class 22 (data
	 * exception: a zero character in text, a text longer than its column, a date or number out of
	 * range), which the request's own values cause. Read from the cause chain, so that any data
	 * access layer's wrapping is seen through.
	 */
	private static SQLException unstorableValue(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
				return sql;
			}
		}
		return null;
	}

	private ResponseEntity<Object> payloadTooLarge(PayloadTooLargeException ex, WebRequest request) {
		return problem(Problems.forStatus(HttpStatus.CONTENT_TOO_LARGE, PayloadTooLargeException.detail(ex.limit()),
				path(request)), new HttpHeaders());
	}

	private static ResponseEntity<Object> problem(ProblemDetail problem, HttpHeaders headers, WebRequest request) {
		problem.setInstance(java.net.URI.create(path(request)));
		return problem(problem, headers);
	}

	private static ResponseEntity<Object> problem(ProblemDetail problem, HttpHeaders headers) {
		HttpHeaders answerHeaders = new HttpHeaders();
		if (headers != null) {
			answerHeaders.putAll(headers);
		}
		// preset, so that content negotiation cannot turn the problem into plain JSON or a 406
		answerHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return ResponseEntity.status(problem.getStatus()).headers(answerHeaders).body(Problems.toMap(problem));
	}

	private static List<FieldViolation> errors(BindingResult result) {
		List<FieldViolation> errors = new ArrayList<>();
		for (FieldError error : result.getFieldErrors()) {
			errors.add(new FieldViolation(error.getField(), message(error)));
		}
		for (ObjectError error : result.getGlobalErrors()) {
			errors.add(new FieldViolation(error.getObjectName(), message(error)));
		}
		return errors;
	}

	private static String message(MessageSourceResolvable error) {
		if (error instanceof FieldError fieldError && fieldError.isBindingFailure()) {
			return INVALID_VALUE;
		}
		String message = error.getDefaultMessage();
		return (message != null) ? message : "is invalid";
	}

	private static String parameterName(org.springframework.core.MethodParameter parameter) {
		String name = parameter.getParameterName();
		return (name != null) ? name : "arg" + parameter.getParameterIndex();
	}

	private static String fieldPath(List<JacksonException.Reference> path) {
		StringBuilder field = new StringBuilder();
		for (JacksonException.Reference reference : path) {
			if (reference.getPropertyName() != null) {
				if (!field.isEmpty()) {
					field.append('.');
				}
				field.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				field.append('[').append(reference.getIndex()).append(']');
			}
		}
		return field.toString();
	}

	private static String path(WebRequest request) {
		if (request instanceof NativeWebRequest nativeRequest
				&& nativeRequest.getNativeRequest() instanceof HttpServletRequest servletRequest) {
			return servletRequest.getRequestURI();
		}
		return request.getDescription(false).replaceFirst("^uri=", "");
	}

	private static String describe(WebRequest request) {
		if (request instanceof NativeWebRequest nativeRequest
				&& nativeRequest.getNativeRequest() instanceof HttpServletRequest servletRequest) {
			return servletRequest.getMethod() + " " + servletRequest.getRequestURI();
		}
		return request.getDescription(false);
	}

}
