package org.mutuality.assessment.catalog;

import org.mutuality.assessment.instruments.Instrument;

/**
 * One entry of the catalogue list.
 */
record AssessmentSummaryResponse(String id, int version, String title, String summary, int itemCount,
		int estimatedMinutes) {

	static AssessmentSummaryResponse of(Instrument instrument) {
		return new AssessmentSummaryResponse(instrument.id(), instrument.version(), instrument.title(),
				instrument.summary(), instrument.items().size(), instrument.estimatedMinutes());
	}

}
