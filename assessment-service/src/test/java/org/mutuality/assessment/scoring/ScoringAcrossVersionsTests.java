package org.mutuality.assessment.scoring;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mutuality.assessment.instruments.Instrument;
import org.mutuality.assessment.instruments.InstrumentRegistry;
import org.mutuality.assessment.instruments.RecommendationKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new version of an instrument never changes how submissions made under an older one score. The
 * second PHQ-9 version here is a test-only fixture: it moves the consultation threshold from 10 to
 * 9 and adds an optional, unscored tenth item.
 */
class ScoringAcrossVersionsTests {

	private static final InstrumentRegistry SHIPPED = InstrumentRegistry.fromClasspath();

	private static final InstrumentRegistry WITH_V2 = InstrumentRegistry.fromLocations(
			InstrumentRegistry.DEFAULT_LOCATION,
			"classpath:org/mutuality/assessment/instruments/fixtures/phq-9/v2.json");

	private final ScoringEngine engine = new ScoringEngine();

	@Test
	void scoresAnOldSubmissionUnderItsOwnVersionAfterANewOneIsRegistered() {
		List<Answer> answers = AnswerSets.forTotal(SHIPPED.current("phq-9").orElseThrow(), 9, "q9");

		ScoredAssessment beforeV2 = this.engine.score(SHIPPED.find("phq-9", 1).orElseThrow(), answers);
		ScoredAssessment afterV2 = this.engine.score(WITH_V2.find("phq-9", 1).orElseThrow(), answers);
		ScoredAssessment underV2 = this.engine.score(WITH_V2.current("phq-9").orElseThrow(), answers);

		assertThat(afterV2).isEqualTo(beforeV2);
		assertThat(afterV2.instrumentVersion()).isEqualTo(1);
		assertThat(afterV2.band().code()).isEqualTo("MILD");
		assertThat(afterV2.recommendation().kind()).isEqualTo(RecommendationKind.SELF_GUIDED);
		assertThat(underV2.instrumentVersion()).isEqualTo(2);
		assertThat(underV2.totalScore()).isEqualTo(9);
		assertThat(underV2.band().code()).isEqualTo("MODERATE");
		assertThat(underV2.recommendation().kind()).isEqualTo(RecommendationKind.BOOK_FREE_CONSULTATION);
	}

	@Test
	void checksAnswersAgainstTheVersionTheyWereGivenFor() {
		Instrument v1 = WITH_V2.find("phq-9", 1).orElseThrow();
		Instrument v2 = WITH_V2.find("phq-9", 2).orElseThrow();
		List<Answer> answers = new ArrayList<>(AnswerSets.forTotal(v1, 12, "q9"));
		answers.add(new Answer("q10", 2));

		assertThat(this.engine.validate(v1, answers)).singleElement()
			.extracting(AnswerError::field, AnswerError::kind)
			.containsExactly("answers[q10]", AnswerError.Kind.UNKNOWN_ITEM);
		assertThat(this.engine.validate(v2, answers)).isEmpty();
	}

	@Test
	void neitherRequiresNorScoresAnOptionalUnscoredItem() {
		Instrument v2 = WITH_V2.current("phq-9").orElseThrow();
		List<Answer> withoutQ10 = AnswerSets.forTotal(v2, 12, "q9");
		List<Answer> withQ10 = new ArrayList<>(withoutQ10);
		withQ10.add(new Answer("q10", 3));

		assertThat(this.engine.score(v2, withQ10)).isEqualTo(this.engine.score(v2, withoutQ10));
		assertThat(this.engine.score(v2, withoutQ10).totalScore()).isEqualTo(12);
	}

}
