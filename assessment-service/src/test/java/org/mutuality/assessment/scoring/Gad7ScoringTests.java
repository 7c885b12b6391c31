package org.mutuality.assessment.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mutuality.assessment.instruments.Instrument;
import org.mutuality.assessment.instruments.InstrumentRegistry;
import org.mutuality.assessment.instruments.RecommendationKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scoring the shipped GAD-7: every band edge from both sides.
 */
class Gad7ScoringTests {

	private static final Instrument GAD7 = InstrumentRegistry.fromClasspath().current("gad-7").orElseThrow();

	private final ScoringEngine engine = new ScoringEngine();

	@ParameterizedTest(name = "total {0} -> {1}")
	@CsvSource({
			"0, MINIMAL, SELF_GUIDED",
			"4, MINIMAL, SELF_GUIDED",
			"5, MILD, SELF_GUIDED",
			"9, MILD, SELF_GUIDED",
			"10, MODERATE, BOOK_FREE_CONSULTATION",
			"14, MODERATE, BOOK_FREE_CONSULTATION",
			"15, SEVERE, BOOK_FREE_CONSULTATION",
			"21, SEVERE, BOOK_FREE_CONSULTATION" })
	void placesEachTotalInItsBand(int total, String bandCode, RecommendationKind recommendation) {
		ScoredAssessment result = this.engine.score(GAD7, AnswerSets.forTotal(GAD7, total));

		assertThat(result.totalScore()).isEqualTo(total);
		assertThat(result.band().code()).isEqualTo(bandCode);
		assertThat(result.recommendation().kind()).isEqualTo(recommendation);
		assertThat(result.recommendation().message()).isEqualTo(GAD7.message(recommendation).orElseThrow());
		assertThat(result.riskFlags()).isEmpty();
	}

	@Test
	void raisesNoRiskFlagEvenAtTheHighestTotal() {
		ScoredAssessment result = this.engine.score(GAD7, AnswerSets.allAnswered(GAD7, 3));

		assertThat(result.totalScore()).isEqualTo(21);
		assertThat(result.riskFlags()).isEmpty();
		assertThat(result.recommendation().kind()).isEqualTo(RecommendationKind.BOOK_FREE_CONSULTATION);
	}

}
