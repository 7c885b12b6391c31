package org.mutuality.assessment.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.mutuality.assessment.instruments.Band;
import org.mutuality.assessment.instruments.Instrument;
import org.mutuality.assessment.instruments.Item;
import org.mutuality.assessment.instruments.RecommendationKind;
import org.mutuality.assessment.instruments.RiskRule;
import org.mutuality.assessment.instruments.Subscale;

/**
 * Scores answers under one instrument version, as a pure function of the two: no Spring, no I/O,
 * no clock, no state, safe to share between threads. Answers are first checked completely (see
 * {@link #validate}); then each scored item counts its answer, reversed if the item is
 * reverse-scored, towards its subscale, and once more reversed towards the total if its subscale is
 * reversed in the total. The total picks the band; each risk rule whose item was answered at or
 * above its threshold raises its flag. The recommendation is {@code URGENT_SUPPORT} whenever a flag
 * is raised, and otherwise the band's; its message comes from the instrument version. Every
 * threshold lives in the instrument data.
 */
public final class ScoringEngine {

	/**
	 * Every problem with the answers, one {@link AnswerError} per offending item id (missing
	 * required item, unknown item, duplicate answer, value outside the options), or an empty list
	 * when they can be scored.
	 */
	public List<AnswerError> validate(Instrument instrument, List<Answer> answers) {
		Objects.requireNonNull(instrument, "instrument");
		Objects.requireNonNull(answers, "answers");
		return AnswerValidator.validate(instrument, answers);
	}

	/**
	 * Scores the answers under the given instrument version.
	 * @throws InvalidAnswersException with every error when {@link #validate} finds any
	 */
	public ScoredAssessment score(Instrument instrument, List<Answer> answers) {
		List<AnswerError> errors = validate(instrument, answers);
		if (!errors.isEmpty()) {
			throw new InvalidAnswersException(instrument.id(), instrument.version(), errors);
		}
		Map<String, Integer> valueByItem = new HashMap<>();
		answers.forEach((answer) -> valueByItem.put(answer.itemId(), answer.value()));

		int total = 0;
		Map<String, Integer> subscaleTotals = new HashMap<>();
		for (Item item : instrument.items()) {
			Integer answer = valueByItem.get(item.id());
			if (answer == null || !item.scored()) {
				continue;
			}
			int scored = item.scoredValue(answer);
			Subscale subscale = (item.subscale() != null) ? instrument.subscale(item.subscale()).orElseThrow() : null;
			if (subscale != null) {
				subscaleTotals.merge(subscale.code(), scored, Integer::sum);
			}
			total += (subscale != null && subscale.reversedInTotal()) ? item.reverse(scored) : scored;
		}
		int totalScore = total;
		Band band = instrument.bandFor(totalScore)
			.orElseThrow(() -> new IllegalStateException("No band of " + instrument.key() + " covers " + totalScore));

		List<SubscaleScore> subscales = new ArrayList<>();
		for (Subscale subscale : instrument.subscales()) {
			List<Item> items = instrument.itemsOf(subscale.code());
			subscales.add(new SubscaleScore(subscale.code(), subscale.label(),
					subscaleTotals.getOrDefault(subscale.code(), 0), items.stream().mapToInt(Item::minValue).sum(),
					items.stream().mapToInt(Item::maxValue).sum()));
		}

		Set<String> riskFlags = new LinkedHashSet<>();
		for (RiskRule rule : instrument.riskRules()) {
			Integer answer = valueByItem.get(rule.itemId());
			if (answer != null && rule.raisedBy(answer)) {
				riskFlags.add(rule.flag());
			}
		}

		RecommendationKind kind = riskFlags.isEmpty() ? band.recommendation() : RecommendationKind.URGENT_SUPPORT;
		String message = instrument.message(kind)
			.orElseThrow(() -> new IllegalStateException(instrument.key() + " has no message for " + kind));
		return new ScoredAssessment(instrument.id(), instrument.version(), totalScore,
				new ScoredBand(band.code(), band.label(), band.description()), subscales, List.copyOf(riskFlags),
				new Recommendation(kind, message));
	}

}
