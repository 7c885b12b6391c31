package org.mutuality.assessment.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutuality.assessment.instruments.Instrument;
import org.mutuality.assessment.instruments.InstrumentRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.mutuality.assessment.scoring.AnswerError.Kind.DUPLICATE_ANSWER;
import static org.mutuality.assessment.scoring.AnswerError.Kind.INVALID_VALUE;
import static org.mutuality.assessment.scoring.AnswerError.Kind.MISSING_ANSWER;
import static org.mutuality.assessment.scoring.AnswerError.Kind.UNKNOWN_ITEM;

/**
 * The checks made before scoring: one error per offending item id, all collected, in a stable
 * order.
 */
class AnswerValidationTests {

	private static final InstrumentRegistry REGISTRY = InstrumentRegistry.fromClasspath();

	private static final Instrument GAD7 = REGISTRY.current("gad-7").orElseThrow();

	private static final Instrument RM = REGISTRY.current("relationship-mutuality").orElseThrow();

	private final ScoringEngine engine = new ScoringEngine();

	@Test
	void acceptsOneValidAnswerPerItem() {
		assertThat(this.engine.validate(GAD7, AnswerSets.allAnswered(GAD7, 2))).isEmpty();
	}

	@Test
	void reportsEachMissingRequiredItem() {
		List<Answer> answers = without(AnswerSets.allAnswered(GAD7, 1), "q2", "q5", "q7");

		assertThat(this.engine.validate(GAD7, answers))
			.extracting(AnswerError::field, AnswerError::itemId, AnswerError::kind, AnswerError::message)
			.containsExactly(
					tuple("answers[q2]", "q2", MISSING_ANSWER, "Item q2 is required and has no answer."),
					tuple("answers[q5]", "q5", MISSING_ANSWER, "Item q5 is required and has no answer."),
					tuple("answers[q7]", "q7", MISSING_ANSWER, "Item q7 is required and has no answer."));
	}

	@Test
	void reportsEveryItemMissingWhenThereAreNoAnswers() {
		assertThat(this.engine.validate(GAD7, List.of())).extracting(AnswerError::itemId, AnswerError::kind)
			.containsExactly(tuple("q1", MISSING_ANSWER), tuple("q2", MISSING_ANSWER), tuple("q3", MISSING_ANSWER),
					tuple("q4", MISSING_ANSWER), tuple("q5", MISSING_ANSWER), tuple("q6", MISSING_ANSWER),
					tuple("q7", MISSING_ANSWER));
	}

	@Test
	void reportsEachUnknownItemOnceInTheOrderGiven() {
		List<Answer> answers = with(AnswerSets.allAnswered(GAD7, 0), new Answer("q9", 1), new Answer("mood", 2),
				new Answer("q9", 3));

		assertThat(this.engine.validate(GAD7, answers))
			.extracting(AnswerError::field, AnswerError::kind, AnswerError::message)
			.containsExactly(tuple("answers[q9]", UNKNOWN_ITEM, "Item q9 is not part of gad-7 (version 1)."),
					tuple("answers[mood]", UNKNOWN_ITEM, "Item mood is not part of gad-7 (version 1)."));
	}

	@Test
	void reportsEachItemAnsweredMoreThanOnce() {
		List<Answer> answers = with(AnswerSets.allAnswered(GAD7, 0), new Answer("q6", 0), new Answer("q1", 2),
				new Answer("q6", 1));

		assertThat(this.engine.validate(GAD7, answers))
			.extracting(AnswerError::field, AnswerError::kind, AnswerError::message)
			.containsExactly(
					tuple("answers[q1]", DUPLICATE_ANSWER, "Item q1 was answered 2 times; answer each item once."),
					tuple("answers[q6]", DUPLICATE_ANSWER, "Item q6 was answered 3 times; answer each item once."));
	}

	@Test
	void reportsEachValueOutsideTheItemsOptions() {
		List<Answer> answers = AnswerSets.allAnsweredExcept(GAD7, 1, Map.of("q3", 4, "q4", -1, "q7", 30));

		assertThat(this.engine.validate(GAD7, answers))
			.extracting(AnswerError::field, AnswerError::kind, AnswerError::message)
			.containsExactly(
					tuple("answers[q3]", INVALID_VALUE, "Value 4 is not an option for item q3; choose one of 0, 1, 2, 3."),
					tuple("answers[q4]", INVALID_VALUE, "Value -1 is not an option for item q4; choose one of 0, 1, 2, 3."),
					tuple("answers[q7]", INVALID_VALUE, "Value 30 is not an option for item q7; choose one of 0, 1, 2, 3."));
	}

	@ParameterizedTest(name = "value {0}")
	@ValueSource(ints = { 0, 6, Integer.MIN_VALUE, Integer.MAX_VALUE })
	void checksValuesAgainstEachInstrumentsOwnScale(int value) {
		List<Answer> answers = AnswerSets.allAnsweredExcept(RM, 3, Map.of("q10", value));

		assertThat(this.engine.validate(RM, answers)).singleElement().satisfies((error) -> {
			assertThat(error.field()).isEqualTo("answers[q10]");
			assertThat(error.kind()).isEqualTo(INVALID_VALUE);
			assertThat(error.message()).endsWith("choose one of 1, 2, 3, 4, 5.");
		});
	}

	@Test
	void reportsEveryKindOfErrorAtOnceInItemOrderWithUnknownItemsLast() {
		List<Answer> answers = List.of(new Answer("extra", 1), new Answer("q1", 9), new Answer("q7", 0),
				new Answer("q3", 2), new Answer("q3", 2), new Answer("q5", 5), new Answer("q6", 1),
				new Answer("other", 0));

		assertThat(this.engine.validate(GAD7, answers)).extracting(AnswerError::field, AnswerError::kind)
			.containsExactly(tuple("answers[q1]", INVALID_VALUE), tuple("answers[q2]", MISSING_ANSWER),
					tuple("answers[q3]", DUPLICATE_ANSWER), tuple("answers[q4]", MISSING_ANSWER),
					tuple("answers[q5]", INVALID_VALUE), tuple("answers[extra]", UNKNOWN_ITEM),
					tuple("answers[other]", UNKNOWN_ITEM));
	}

	@Test
	void reportsOneErrorPerItemEvenWhenItIsWrongInSeveralWays() {
		List<Answer> answers = with(without(AnswerSets.allAnswered(GAD7, 0), "q2"), new Answer("q2", 7),
				new Answer("q2", 8));

		assertThat(this.engine.validate(GAD7, answers)).singleElement()
			.extracting(AnswerError::itemId, AnswerError::kind)
			.containsExactly("q2", DUPLICATE_ANSWER);
	}

	@Test
	void cutsAVeryLongUnknownItemIdShort() {
		String longId = "x".repeat(10_000);
		List<Answer> answers = with(AnswerSets.allAnswered(GAD7, 0), new Answer(longId, 1));

		assertThat(this.engine.validate(GAD7, answers)).singleElement().satisfies((error) -> {
			assertThat(error.kind()).isEqualTo(UNKNOWN_ITEM);
			assertThat(error.itemId()).hasSize(65).startsWith("xxx").endsWith("…");
			assertThat(error.field()).isEqualTo("answers[" + error.itemId() + "]");
		});
	}

	@Test
	void refusesToScoreInvalidAnswersAndCarriesEveryError() {
		List<Answer> answers = with(without(AnswerSets.allAnswered(GAD7, 1), "q4"), new Answer("q8", 1),
				new Answer("q1", 1));

		assertThatExceptionOfType(InvalidAnswersException.class).isThrownBy(() -> this.engine.score(GAD7, answers))
			.satisfies((ex) -> {
				assertThat(ex.getInstrumentId()).isEqualTo("gad-7");
				assertThat(ex.getInstrumentVersion()).isEqualTo(1);
				assertThat(ex.getErrors()).isEqualTo(this.engine.validate(GAD7, answers));
				assertThat(ex.getErrors()).extracting(AnswerError::field)
					.containsExactly("answers[q1]", "answers[q4]", "answers[q8]");
				assertThat(ex.getMessage()).isEqualTo("3 invalid answer(s) for gad-7@1");
			});
	}

	private static List<Answer> without(List<Answer> answers, String... itemIds) {
		List<String> removed = List.of(itemIds);
		return answers.stream().filter((answer) -> !removed.contains(answer.itemId())).toList();
	}

	private static List<Answer> with(List<Answer> answers, Answer... more) {
		List<Answer> all = new ArrayList<>(answers);
		all.addAll(List.of(more));
		return all;
	}

}
