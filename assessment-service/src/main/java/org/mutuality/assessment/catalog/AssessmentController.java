package org.mutuality.assessment.catalog;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/assessments} and {@code GET /api/assessments/{id}}, open to anyone.
 */
@RestController
@RequestMapping("/api/assessments")
class AssessmentController {

	private final AssessmentCatalog catalog;

	AssessmentController(AssessmentCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	List<AssessmentSummaryResponse> list() {
		return this.catalog.list();
	}

	@GetMapping("/{id}")
	AssessmentResponse get(@PathVariable String id) {
		return this.catalog.get(id);
	}

}
