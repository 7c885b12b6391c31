package org.mutuality.assessment.submissions;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.mutuality.platform.problem.FieldViolation;

/**
 * The body of {@code POST /api/assessments/{id}/submissions}: one answer per item, and whether the
 * client agrees to be contacted about the result (no answer means no).
 *
 * <p>The answers are checked one by one ({@link #answerErrors()}) only once their list is known to be
 * of a sensible length: a body of 1 MiB holds some 350,000 empty answers, and Bean Validation, which
 * checks every element even when the list's size is wrong, built 700,000 errors, several hundred
 * megabytes, for one request.
 */
record SubmitAssessmentRequest(@NotNull @Size(max = MAX_ANSWERS) List<AnswerRequest> answers,
		Boolean consentToContact) {

	static final int MAX_ANSWERS = 200;

	static final int MAX_ITEM_ID_LENGTH = 200;

	boolean consents() {
		return Boolean.TRUE.equals(this.consentToContact);
	}

	/** What is wrong with each answer, in the list's order; empty when every answer is complete. */
	List<FieldViolation> answerErrors() {
		List<FieldViolation> errors = new ArrayList<>();
		for (int i = 0; i < this.answers.size(); i++) {
			AnswerRequest answer = this.answers.get(i);
			String field = "answers[" + i + "]";
			if (answer == null) {
				errors.add(new FieldViolation(field, "must not be null"));
				continue;
			}
			if (answer.itemId() == null || answer.itemId().isBlank()) {
				errors.add(new FieldViolation(field + ".itemId", "must not be blank"));
			}
			else if (answer.itemId().length() > MAX_ITEM_ID_LENGTH) {
				errors.add(new FieldViolation(field + ".itemId", "size must be between 0 and " + MAX_ITEM_ID_LENGTH));
			}
			if (answer.value() == null) {
				errors.add(new FieldViolation(field + ".value", "must not be null"));
			}
		}
		return errors;
	}

	/** One answer: the item's id and the value of the option chosen (both required; see answerErrors). */
	record AnswerRequest(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = MAX_ITEM_ID_LENGTH) String itemId,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Integer value) {
	}

}
