package org.mutuality.assessment.instruments;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a questionnaire, exactly as it was published: its wording, answer options,
 * subscales, score bands, risk rules and recommendation messages. A version never changes once
 * published; a change is a new version, so that any submission can always be scored and explained
 * again under the version it was made with. Instances come from an {@link InstrumentRegistry},
 * which checks them for consistency.
 * <p>
 * The total is the sum over the scored items of their scored value (see {@link Item}), turned
 * around once more for items of a subscale that is {@link Subscale#reversedInTotal() reversed in
 * the total}; {@code scoringNotes} explains this in words for each instrument.
 */
public record Instrument(String id, int version, String title, String summary, String instructions,
		int estimatedMinutes, Attribution attribution, String scoringNotes, List<Item> items,
		List<Subscale> subscales, List<Band> bands, List<RiskRule> riskRules,
		Map<RecommendationKind, String> messages) {

	public Instrument {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(summary, "summary");
		Objects.requireNonNull(instructions, "instructions");
		Objects.requireNonNull(attribution, "attribution");
		items = List.copyOf(items);
		subscales = List.copyOf(subscales);
		bands = List.copyOf(bands);
		riskRules = List.copyOf(riskRules);
		messages = Map.copyOf(messages);
	}

	/** The item with the given id, if this version has one. */
	public Optional<Item> item(String itemId) {
		return this.items.stream().filter((item) -> item.id().equals(itemId)).findFirst();
	}

	/** The subscale with the given code, if this version has one. */
	public Optional<Subscale> subscale(String code) {
		return this.subscales.stream().filter((subscale) -> subscale.code().equals(code)).findFirst();
	}

	/** The scored items of the given subscale, in the order they are asked. */
	public List<Item> itemsOf(String subscaleCode) {
		return this.items.stream()
			.filter((item) -> item.scored() && subscaleCode.equals(item.subscale()))
			.toList();
	}

	/** The lowest total this version can produce. */
	public int minTotal() {
		return this.items.stream().filter(Item::scored).mapToInt(Item::minValue).sum();
	}

	/** The highest total this version can produce. */
	public int maxTotal() {
		return this.items.stream().filter(Item::scored).mapToInt(Item::maxValue).sum();
	}

	/** The band the given total falls in. */
	public Optional<Band> bandFor(int total) {
		return this.bands.stream().filter((band) -> band.contains(total)).findFirst();
	}

	/** The message for the given recommendation, if this version has one. */
	public Optional<String> message(RecommendationKind kind) {
		return Optional.ofNullable(this.messages.get(kind));
	}

	/** {@code id@version}, as used in log and error messages. */
	public String key() {
		return this.id + "@" + this.version;
	}

	@Override
	public String toString() {
		return "Instrument[" + key() + "]";
	}

}
