package org.mutuality.assessment.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutuality.assessment.instruments.Instrument;
import org.mutuality.assessment.instruments.InstrumentRegistry;
import org.mutuality.assessment.instruments.RecommendationKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scoring the shipped PHQ-9: every band edge from both sides, and the item 9 risk rule.
 */
class Phq9ScoringTests {

	private static final Instrument PHQ9 = InstrumentRegistry.fromClasspath().current("phq-9").orElseThrow();

	private final ScoringEngine engine = new ScoringEngine();

	@ParameterizedTest(name = "total {0} -> {1}")
	@CsvSource({
			"0, MINIMAL, Minimal, SELF_GUIDED",
			"4, MINIMAL, Minimal, SELF_GUIDED",
			"5, MILD, Mild, SELF_GUIDED",
			"9, MILD, Mild, SELF_GUIDED",
			"10, MODERATE, Moderate, BOOK_FREE_CONSULTATION",
			"14, MODERATE, Moderate, BOOK_FREE_CONSULTATION",
			"15, MODERATELY_SEVERE, Moderately severe, BOOK_FREE_CONSULTATION",
			"19, MODERATELY_SEVERE, Moderately severe, BOOK_FREE_CONSULTATION",
			"20, SEVERE, Severe, BOOK_FREE_CONSULTATION",
			"24, SEVERE, Severe, BOOK_FREE_CONSULTATION" })
	void placesEachTotalInItsBandWithoutRisk(int total, String bandCode, String bandLabel,
			RecommendationKind recommendation) {
		ScoredAssessment result = this.engine.score(PHQ9, AnswerSets.forTotal(PHQ9, total, "q9"));

		assertThat(result.totalScore()).isEqualTo(total);
		assertThat(result.band().code()).isEqualTo(bandCode);
		assertThat(result.band().label()).isEqualTo(bandLabel);
		assertThat(result.band().description()).isNotBlank();
		assertThat(result.riskFlags()).isEmpty();
		assertThat(result.hasRisk()).isFalse();
		assertThat(result.recommendation().kind()).isEqualTo(recommendation);
		assertThat(result.recommendation().message()).isEqualTo(PHQ9.message(recommendation).orElseThrow());
		assertThat(result.subscales()).isEmpty();
		assertThat(result.instrumentId()).isEqualTo("phq-9");
		assertThat(result.instrumentVersion()).isEqualTo(1);
	}

	@Test
	void sumsTheNineAnswers() {
		ScoredAssessment result = this.engine.score(PHQ9, AnswerSets.allAnsweredExcept(PHQ9, 0,
				Map.of("q1", 3, "q2", 2, "q4", 1, "q6", 2, "q8", 3)));

		assertThat(result.totalScore()).isEqualTo(11);
		assertThat(result.band().code()).isEqualTo("MODERATE");
	}

	@Test
	void raisesSelfHarmRiskWhenItem9IsTheOnlyAnswerAboveZero() {
		ScoredAssessment result = this.engine.score(PHQ9, AnswerSets.allAnsweredExcept(PHQ9, 0, Map.of("q9", 1)));

		assertThat(result.totalScore()).isEqualTo(1);
		assertThat(result.band().code()).isEqualTo("MINIMAL");
		assertThat(result.riskFlags()).containsExactly("SELF_HARM_RISK");
		assertThat(result.hasRisk()).isTrue();
		assertThat(result.recommendation().kind()).isEqualTo(RecommendationKind.URGENT_SUPPORT);
		assertThat(result.recommendation().message()).contains("You do not have to wait for a consultation",
				"emergency", "988", "116 123");
	}

	@ParameterizedTest(name = "item 9 = {0}")
	@ValueSource(ints = { 1, 2, 3 })
	void raisesSelfHarmRiskForEveryAnswerAboveZeroToItem9(int answer) {
		ScoredAssessment result = this.engine.score(PHQ9, AnswerSets.allAnsweredExcept(PHQ9, 0, Map.of("q9", answer)));

		assertThat(result.totalScore()).isEqualTo(answer);
		assertThat(result.riskFlags()).containsExactly("SELF_HARM_RISK");
		assertThat(result.recommendation().kind()).isEqualTo(RecommendationKind.URGENT_SUPPORT);
	}

	@Test
	void raisesSelfHarmRiskAtTheHighestTotal() {
		ScoredAssessment result = this.engine.score(PHQ9, AnswerSets.allAnswered(PHQ9, 3));

		assertThat(result.totalScore()).isEqualTo(27);
		assertThat(result.band().code()).isEqualTo("SEVERE");
		assertThat(result.riskFlags()).containsExactly("SELF_HARM_RISK");
		assertThat(result.recommendation().kind()).isEqualTo(RecommendationKind.URGENT_SUPPORT);
	}

	@ParameterizedTest(name = "total {0} with item 9 = 1")
	@ValueSource(ints = { 4, 5, 10, 15, 20, 25 })
	void urgentSupportOverridesEveryBandsRecommendation(int total) {
		List<Answer> answers = AnswerSets.forTotal(PHQ9, total - 1, "q9")
			.stream()
			.map((answer) -> answer.itemId().equals("q9") ? new Answer("q9", 1) : answer)
			.toList();

		ScoredAssessment result = this.engine.score(PHQ9, answers);

		assertThat(result.totalScore()).isEqualTo(total);
		assertThat(result.riskFlags()).containsExactly("SELF_HARM_RISK");
		assertThat(result.recommendation().kind()).isEqualTo(RecommendationKind.URGENT_SUPPORT);
	}

	@Test
	void raisesNoRiskAtAHighTotalWhenItem9IsZero() {
		ScoredAssessment result = this.engine.score(PHQ9, AnswerSets.allAnsweredExcept(PHQ9, 3, Map.of("q9", 0)));

		assertThat(result.totalScore()).isEqualTo(24);
		assertThat(result.band().code()).isEqualTo("SEVERE");
		assertThat(result.riskFlags()).isEmpty();
		assertThat(result.recommendation().kind()).isEqualTo(RecommendationKind.BOOK_FREE_CONSULTATION);
	}

	@Test
	void givesTheSameResultForTheSameAnswersInAnyOrder() {
		List<Answer> answers = AnswerSets.forTotal(PHQ9, 13, "q9");
		List<Answer> reversed = new ArrayList<>(answers);
		Collections.reverse(reversed);

		assertThat(this.engine.score(PHQ9, reversed)).isEqualTo(this.engine.score(PHQ9, answers));
	}

}
