package org.mutuality.assessment.catalog;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/assessments} and {@code GET /api/assessments/{id}}, open to anyone.
 */
@RestController
@RequestMapping("/api/assessments")
@Tag(name = "Assessments")
class AssessmentController {

	private final AssessmentCatalog catalog;

	AssessmentController(AssessmentCatalog catalog) {
		this.catalog = catalog;
	}

	@Operation(summary = "The shipped assessments, current versions", description = "Roles: anyone.")
	@GetMapping
	List<AssessmentSummaryResponse> list() {
		return this.catalog.list();
	}

	@Operation(summary = "One assessment: instructions, items with their options, severity bands",
			description = "Roles: anyone. The id is a stable slug such as `phq-9`.")
	@GetMapping("/{id}")
	AssessmentResponse get(@PathVariable String id) {
		return this.catalog.get(id);
	}

}
