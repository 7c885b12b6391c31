package org.mutuality.assessment.catalog;

import java.util.List;

import org.mutuality.assessment.instruments.InstrumentRegistry;
import org.mutuality.platform.problem.NotFoundException;

import org.springframework.stereotype.Service;

/**
 * Answers the catalogue from the instrument registry: always the current version of an instrument,
 * the one new submissions are scored under.
 */
@Service
class AssessmentCatalog {

	private final InstrumentRegistry registry;

	AssessmentCatalog(InstrumentRegistry registry) {
		this.registry = registry;
	}

	List<AssessmentSummaryResponse> list() {
		return this.registry.currentInstruments().stream().map(AssessmentSummaryResponse::of).toList();
	}

	AssessmentResponse get(String id) {
		return this.registry.current(id)
			.map(AssessmentResponse::of)
			.orElseThrow(() -> NotFoundException.of("Assessment", id));
	}

}
