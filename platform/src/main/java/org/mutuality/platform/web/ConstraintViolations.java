package org.mutuality.platform.web;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.mutuality.platform.problem.FieldViolation;

/**
 * Turns Bean Validation's {@link ConstraintViolationException}, thrown by method validation of
 * {@code @Validated} beans, into field violations. Only touched when Bean Validation is on the class
 * path.
 */
final class ConstraintViolations {

	private ConstraintViolations() {
	}

	static boolean isConstraintViolation(Throwable ex) {
		return ex instanceof ConstraintViolationException;
	}

	static List<FieldViolation> errors(Throwable ex) {
		List<FieldViolation> errors = new ArrayList<>();
		for (ConstraintViolation<?> violation : ((ConstraintViolationException) ex).getConstraintViolations()) {
			errors.add(new FieldViolation(field(violation.getPropertyPath()), violation.getMessage()));
		}
		return errors;
	}

	// "book.request.start" (method, parameter, property) reads as "start"; "list.size" as "size"
	private static String field(Path path) {
		List<Path.Node> nodes = new ArrayList<>();
		path.forEach(nodes::add);
		Iterator<Path.Node> iterator = nodes.iterator();
		List<String> names = new ArrayList<>();
		int index = 0;
		while (iterator.hasNext()) {
			Path.Node node = iterator.next();
			boolean executable = node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR;
			boolean parameterWithMore = node.getKind() == ElementKind.PARAMETER && index < nodes.size() - 1;
			if (!executable && !parameterWithMore && node.getName() != null) {
				names.add((node.getIndex() != null) ? node.getName() + "[" + node.getIndex() + "]" : node.getName());
			}
			index++;
		}
		return names.isEmpty() ? path.toString() : String.join(".", names);
	}

}
