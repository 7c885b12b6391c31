package org.mutuality.assessment.submissions;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/assessments/{id}/submissions}: one answer per item, and whether the
 * client agrees to be contacted about the result (no answer means no).
 */
record SubmitAssessmentRequest(@NotNull @Size(max = 200) List<@NotNull @Valid AnswerRequest> answers,
		Boolean consentToContact) {

	boolean consents() {
		return Boolean.TRUE.equals(this.consentToContact);
	}

	/** One answer: the item's id and the value of the option chosen. */
	record AnswerRequest(@NotBlank @Size(max = 200) String itemId, @NotNull Integer value) {
	}

}
