package org.mutuality.platform.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.mutuality.platform.problem.ProblemException;
import org.mutuality.platform.problem.Problems;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Answers Spring Boot's error path ({@code /error}) with a problem, in place of Boot's JSON map or
 * white-label page: errors raised outside controllers (by filters, the container, a
 * {@code sendError}) get the same {@code application/problem+json} shape, with a generic detail for
 * their status and the original request path as {@code instance}. A direct request to the error
 * path is 404.
 */
@Controller
@RequestMapping("${spring.web.error.path:${error.path:/error}}")
class ProblemErrorController implements ErrorController {

	@RequestMapping
	@ResponseBody
	ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		Throwable exception = (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable ex) ? ex
				: null;
		String instance = (uri instanceof String path) ? path : request.getRequestURI();
		ProblemDetail problem = problem(code, exception, instance);
		return ResponseEntity.status(problem.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.toMap(problem));
	}

	private ProblemDetail problem(Object code, Throwable exception, String instance) {
		if (!(code instanceof Integer status)) {
			return Problems.forStatus(HttpStatus.NOT_FOUND, instance);
		}
		PayloadTooLargeException tooLarge = PayloadTooLargeException.find(exception);
		if (tooLarge != null) {
			return Problems.forStatus(HttpStatus.CONTENT_TOO_LARGE, PayloadTooLargeException.detail(tooLarge.limit()),
					instance);
		}
		if (exception instanceof ProblemException problem) {
			return Problems.of(problem, instance);
		}
		// an exception that reached the container has been logged by it already
		return Problems.forStatus(HttpStatusCode.valueOf((status >= 400 && status <= 599) ? status : 500), instance);
	}

}
