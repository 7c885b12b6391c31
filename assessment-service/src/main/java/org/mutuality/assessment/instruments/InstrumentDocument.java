package org.mutuality.assessment.instruments;

import java.util.List;
import java.util.Map;

/**
 * The JSON shape of one instrument version file, read as written: every field may be absent here,
 * and {@link InstrumentReader} reports what is missing before it builds an {@link Instrument}.
 * {@code answerScale} is the options shared by every item that does not list its own; item flags
 * default to {@code required: true}, {@code scored: true}, {@code reverseScored: false}.
 */
record InstrumentDocument(String id, Integer version, String title, String summary, String instructions,
		Integer estimatedMinutes, AttributionDocument attribution, String scoringNotes,
		List<OptionDocument> answerScale, List<ItemDocument> items, List<SubscaleDocument> subscales,
		List<BandDocument> bands, List<RiskRuleDocument> riskRules, Map<String, String> messages) {

	record AttributionDocument(String credit, String reference, String terms) {
	}

	record OptionDocument(Integer value, String label) {
	}

	record ItemDocument(String id, String text, Boolean required, Boolean scored, List<OptionDocument> options,
			Boolean reverseScored, String subscale) {
	}

	record SubscaleDocument(String code, String label, String description, Boolean reversedInTotal) {
	}

	record BandDocument(String code, Integer min, Integer max, String label, String description,
			String recommendation) {
	}

	record RiskRuleDocument(String flag, String itemId, Integer atLeast, String description) {
	}

}
