package org.mutuality.assessment.catalog;

import java.util.List;

import org.mutuality.assessment.instruments.AnswerOption;
import org.mutuality.assessment.instruments.Attribution;
import org.mutuality.assessment.instruments.Band;
import org.mutuality.assessment.instruments.Instrument;
import org.mutuality.assessment.instruments.Item;
import org.mutuality.assessment.instruments.Subscale;

/**
 * One assessment as a person takes it: its questions with their answer options, its score bands and
 * subscales, and whom it is credited to.
 */
record AssessmentResponse(String id, int version, String title, String summary, String instructions,
		int estimatedMinutes, List<ItemResponse> items, List<BandResponse> bands, List<SubscaleResponse> subscales,
		AttributionResponse attribution) {

	static AssessmentResponse of(Instrument instrument) {
		return new AssessmentResponse(instrument.id(), instrument.version(), instrument.title(), instrument.summary(),
				instrument.instructions(), instrument.estimatedMinutes(),
				instrument.items().stream().map(ItemResponse::of).toList(),
				instrument.bands().stream().map(BandResponse::of).toList(),
				instrument.subscales().stream().map(SubscaleResponse::of).toList(),
				AttributionResponse.of(instrument.attribution()));
	}

	record ItemResponse(String id, String text, boolean required, List<OptionResponse> options) {

		static ItemResponse of(Item item) {
			return new ItemResponse(item.id(), item.text(), item.required(),
					item.options().stream().map(OptionResponse::of).toList());
		}

	}

	record OptionResponse(int value, String label) {

		static OptionResponse of(AnswerOption option) {
			return new OptionResponse(option.value(), option.label());
		}

	}

	record BandResponse(String code, int min, int max, String label, String description) {

		static BandResponse of(Band band) {
			return new BandResponse(band.code(), band.min(), band.max(), band.label(), band.description());
		}

	}

	record SubscaleResponse(String code, String label, String description) {

		static SubscaleResponse of(Subscale subscale) {
			return new SubscaleResponse(subscale.code(), subscale.label(), subscale.description());
		}

	}

	record AttributionResponse(String credit, String reference, String terms) {

		static AttributionResponse of(Attribution attribution) {
			return new AttributionResponse(attribution.credit(), attribution.reference(), attribution.terms());
		}

	}

}
