package org.mutuality.assessment.scoring;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mutuality.assessment.instruments.Instrument;
import org.mutuality.assessment.instruments.InstrumentRegistry;
import org.mutuality.assessment.instruments.RecommendationKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Scoring the platform's own relationship-mutuality questionnaire: reverse-scored items, subscale
 * scores, the mutuality total, and every band edge from both sides. Expected numbers are worked
 * out by hand from the scoring notes: each subscale sums its five items (reverse-scored ones count
 * as 6 minus the answer), and the total is MUTUAL + (30 - HIERARCHICAL) + (30 - TRANSACTIONAL).
 */
class RelationshipMutualityScoringTests {

	private static final Instrument RM = InstrumentRegistry.fromClasspath()
		.current("relationship-mutuality")
		.orElseThrow();

	private final ScoringEngine engine = new ScoringEngine();

	@Test
	void scoresAMostlyMutualRelationship() {
		ScoredAssessment result = this.engine.score(RM, answers(5, 2, 1, 4, 1, 2, 5, 1, 2, 2, 4, 5, 4, 2, 1));

		// MUTUAL 5+4+5+(6-2)+4 = 22; HIERARCHICAL 2+1+1+(6-4)+2 = 8; TRANSACTIONAL 1+2+2+(6-5)+1 = 7
		assertThat(result.subscales()).extracting(SubscaleScore::code, SubscaleScore::score)
			.containsExactly(tuple("HIERARCHICAL", 8), tuple("TRANSACTIONAL", 7), tuple("MUTUAL", 22));
		assertThat(result.totalScore()).isEqualTo(22 + (30 - 8) + (30 - 7));
		assertThat(result.band().code()).isEqualTo("HIGH_MUTUALITY");
		assertThat(result.recommendation().kind()).isEqualTo(RecommendationKind.SELF_GUIDED);
		assertThat(result.riskFlags()).isEmpty();
	}

	@Test
	void scoresAOneSidedRelationship() {
		ScoredAssessment result = this.engine.score(RM, answers(2, 5, 4, 1, 4, 5, 2, 5, 4, 5, 1, 2, 1, 4, 5));

		// MUTUAL 2+1+2+(6-5)+1 = 7; HIERARCHICAL 5+4+5+(6-1)+4 = 23; TRANSACTIONAL 4+5+4+(6-2)+5 = 22
		assertThat(result.subscales()).extracting(SubscaleScore::code, SubscaleScore::score)
			.containsExactly(tuple("HIERARCHICAL", 23), tuple("TRANSACTIONAL", 22), tuple("MUTUAL", 7));
		assertThat(result.totalScore()).isEqualTo(7 + (30 - 23) + (30 - 22));
		assertThat(result.band().code()).isEqualTo("LOW_MUTUALITY");
		assertThat(result.recommendation().kind()).isEqualTo(RecommendationKind.BOOK_FREE_CONSULTATION);
		assertThat(result.recommendation().message()).contains("free, no-obligation consultation");
	}

	@Test
	void reportsEachSubscaleWithItsLabelAndRange() {
		ScoredAssessment result = this.engine.score(RM, AnswerSets.allAnswered(RM, 3));

		assertThat(result.subscales())
			.extracting(SubscaleScore::code, SubscaleScore::label, SubscaleScore::score, SubscaleScore::minScore,
					SubscaleScore::maxScore)
			.containsExactly(tuple("HIERARCHICAL", "Hierarchical", 15, 5, 25),
					tuple("TRANSACTIONAL", "Transactional", 15, 5, 25), tuple("MUTUAL", "Mutual", 15, 5, 25));
		assertThat(result.totalScore()).isEqualTo(45);
		assertThat(result.band().code()).isEqualTo("MIXED");
	}

	@ParameterizedTest(name = "{0} = 5 -> {1} {2}, total {3}")
	@CsvSource({
			// forward items: agreeing raises their own subscale
			"q1, MUTUAL, 17, 47",
			"q2, HIERARCHICAL, 17, 43",
			"q3, TRANSACTIONAL, 17, 43",
			// reverse-scored items: agreeing lowers their own subscale
			"q10, MUTUAL, 13, 43",
			"q11, HIERARCHICAL, 13, 47",
			"q12, TRANSACTIONAL, 13, 47" })
	void reverseScoresItemsWordedAgainstTheirSubscale(String itemId, String subscale, int subscaleScore,
			int total) {
		ScoredAssessment result = this.engine.score(RM, AnswerSets.allAnsweredExcept(RM, 3, Map.of(itemId, 5)));

		assertThat(result.subscales()).filteredOn((score) -> score.code().equals(subscale))
			.singleElement()
			.extracting(SubscaleScore::score)
			.isEqualTo(subscaleScore);
		assertThat(result.subscales()).filteredOn((score) -> !score.code().equals(subscale))
			.extracting(SubscaleScore::score)
			.containsOnly(15);
		assertThat(result.totalScore()).isEqualTo(total);
	}

	@Test
	void givesTheHighestTotalToTheMostMutualAnswers() {
		// agree with every mutual statement, disagree with every hierarchical or transactional one,
		// and the other way round for the three reverse-scored items
		ScoredAssessment result = this.engine.score(RM, answers(5, 1, 1, 5, 1, 1, 5, 1, 1, 1, 5, 5, 5, 1, 1));

		assertThat(result.subscales()).extracting(SubscaleScore::score).containsExactly(5, 5, 25);
		assertThat(result.totalScore()).isEqualTo(75);
		assertThat(result.band().code()).isEqualTo("HIGH_MUTUALITY");
	}

	@Test
	void givesTheLowestTotalToTheLeastMutualAnswers() {
		ScoredAssessment result = this.engine.score(RM, answers(1, 5, 5, 1, 5, 5, 1, 5, 5, 5, 1, 1, 1, 5, 5));

		assertThat(result.subscales()).extracting(SubscaleScore::score).containsExactly(25, 25, 5);
		assertThat(result.totalScore()).isEqualTo(15);
		assertThat(result.band().code()).isEqualTo("LOW_MUTUALITY");
	}

	@ParameterizedTest(name = "total {0} -> {1}")
	@CsvSource({
			"15, LOW_MUTUALITY, BOOK_FREE_CONSULTATION",
			"34, LOW_MUTUALITY, BOOK_FREE_CONSULTATION",
			"35, MIXED, SELF_GUIDED",
			"54, MIXED, SELF_GUIDED",
			"55, HIGH_MUTUALITY, SELF_GUIDED",
			"75, HIGH_MUTUALITY, SELF_GUIDED" })
	void placesEachTotalInItsBand(int total, String bandCode, RecommendationKind recommendation) {
		ScoredAssessment result = this.engine.score(RM, AnswerSets.forTotal(RM, total));

		assertThat(result.totalScore()).isEqualTo(total);
		assertThat(result.band().code()).isEqualTo(bandCode);
		assertThat(result.recommendation().kind()).isEqualTo(recommendation);
		assertThat(result.riskFlags()).isEmpty();
	}

	/** Answers to q1..q15, in order. */
	private static List<Answer> answers(int... values) {
		assertThat(values).hasSize(RM.items().size());
		return IntStream.range(0, values.length)
			.mapToObj((i) -> new Answer("q" + (i + 1), values[i]))
			.toList();
	}

}
