package org.mutuality.assessment.instruments;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Tests for {@link InstrumentReader} and {@link InstrumentValidator}: a small valid definition is
 * read, then broken in one way at a time.
 */
class InstrumentReaderTests {

	private static final String SOURCE = "instruments/sample/v1.json";

	private static final JsonMapper JSON = JsonMapper.shared();

	/** Three items scored 0–2 (one reverse-scored), two subscales (one reversed in the total), totals 0–6. */
	private static final String VALID = """
			{
			  "id": "sample", "version": 1, "title": "Sample", "summary": "A sample.",
			  "instructions": "Answer each question.", "estimatedMinutes": 1,
			  "attribution": { "credit": "Written for the tests." },
			  "scoringNotes": "Sum of the items.",
			  "answerScale": [
			    { "value": 0, "label": "Never" }, { "value": 1, "label": "Sometimes" }, { "value": 2, "label": "Often" }
			  ],
			  "items": [
			    { "id": "a", "text": "Item A", "subscale": "ONE" },
			    { "id": "b", "text": "Item B", "subscale": "ONE", "reverseScored": true },
			    { "id": "c", "text": "Item C", "subscale": "TWO" }
			  ],
			  "subscales": [
			    { "code": "ONE", "label": "One" },
			    { "code": "TWO", "label": "Two", "reversedInTotal": true }
			  ],
			  "bands": [
			    { "code": "LOW", "min": 0, "max": 2, "label": "Low", "description": "Low.", "recommendation": "SELF_GUIDED" },
			    { "code": "HIGH", "min": 3, "max": 6, "label": "High", "description": "High.", "recommendation": "BOOK_FREE_CONSULTATION" }
			  ],
			  "riskRules": [ { "flag": "RISK", "itemId": "c", "atLeast": 2 } ],
			  "messages": {
			    "SELF_GUIDED": "Look after yourself.", "BOOK_FREE_CONSULTATION": "Book a consultation.",
			    "URGENT_SUPPORT": "Get help now."
			  }
			}
			""";

	@Test
	void readsAValidDefinitionIntoAnInstrument() {
		Instrument instrument = InstrumentReader.read(SOURCE, VALID);

		assertThat(instrument.key()).isEqualTo("sample@1");
		assertThat(instrument.items()).extracting(Item::id).containsExactly("a", "b", "c");
		assertThat(instrument.items()).allSatisfy((item) -> {
			assertThat(item.required()).isTrue();
			assertThat(item.scored()).isTrue();
			assertThat(item.options()).extracting(AnswerOption::label).containsExactly("Never", "Sometimes", "Often");
		});
		assertThat(instrument.item("b")).get().extracting(Item::reverseScored).isEqualTo(true);
		assertThat(instrument.subscale("TWO")).get().extracting(Subscale::reversedInTotal).isEqualTo(true);
		assertThat(instrument.minTotal()).isZero();
		assertThat(instrument.maxTotal()).isEqualTo(6);
		assertThat(instrument.riskRules()).containsExactly(new RiskRule("RISK", "c", 2, null));
		assertThat(instrument.message(RecommendationKind.URGENT_SUPPORT)).hasValue("Get help now.");
	}

	@Test
	void letsAnItemOverrideTheSharedAnswerScale() {
		Instrument instrument = read((doc) -> item(doc, 0)
			.putArray("options")
			.add(option(0, "No"))
			.add(option(2, "Yes")));

		assertThat(instrument.item("a")).get()
			.extracting(Item::options)
			.isEqualTo(List.of(new AnswerOption(0, "No"), new AnswerOption(2, "Yes")));
		assertThat(instrument.item("b")).get().extracting(Item::maxValue).isEqualTo(2);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenDefinitions")
	void rejectsAnInconsistentDefinitionWithAClearProblem(String what, Consumer<ObjectNode> breakIt,
			String expectedProblem) {
		ObjectNode doc = valid();
		breakIt.accept(doc);

		assertThatExceptionOfType(InstrumentDefinitionException.class)
			.isThrownBy(() -> InstrumentReader.read(SOURCE, doc.toString()))
			.satisfies((ex) -> {
				assertThat(ex.getSource()).isEqualTo(SOURCE);
				assertThat(ex.getProblems()).anySatisfy((problem) -> assertThat(problem).contains(expectedProblem));
				assertThat(ex.getMessage()).startsWith("Invalid instrument definition " + SOURCE + ":")
					.contains(expectedProblem);
			});
	}

	static Stream<Arguments> brokenDefinitions() {
		return Stream.of(
				// bands
				broken("gap between bands", (doc) -> band(doc, 1).put("min", 4), "no band covers totals 3 (between LOW and HIGH)"),
				broken("wider gap between bands", (doc) -> band(doc, 1).put("min", 5), "no band covers totals 3–4"),
				broken("overlapping bands", (doc) -> band(doc, 1).put("min", 2), "bands LOW 0–2 and HIGH 2–6 overlap"),
				broken("lowest total not covered", (doc) -> band(doc, 0).put("min", 1), "no band covers totals 0 (totals run from 0 to 6)"),
				broken("band below the lowest total", (doc) -> band(doc, 0).put("min", -1), "band LOW starts at -1, below the lowest possible total 0"),
				broken("highest total not covered", (doc) -> band(doc, 1).put("max", 5), "no band covers totals 6 (totals run from 0 to 6)"),
				broken("band above the highest total", (doc) -> band(doc, 1).put("max", 7), "band HIGH ends at 7, above the highest possible total 6"),
				broken("band ending before it starts", (doc) -> band(doc, 1).put("min", 6).put("max", 3), "band HIGH starts at 6 after it ends at 3"),
				broken("duplicate band code", (doc) -> band(doc, 1).put("code", "LOW"), "band code LOW is used more than once"),
				broken("band code not upper snake case", (doc) -> band(doc, 1).put("code", "high"), "band high: the code must be UPPER_SNAKE_CASE"),
				broken("band recommending urgent support", (doc) -> band(doc, 1).put("recommendation", "URGENT_SUPPORT"), "band HIGH recommends URGENT_SUPPORT, which only a risk rule may raise"),
				broken("unknown recommendation", (doc) -> band(doc, 1).put("recommendation", "MAYBE"), "bands[1].recommendation: 'MAYBE' is not a recommendation kind"),
				broken("blank band description", (doc) -> band(doc, 0).put("description", " "), "band LOW: description is blank"),
				broken("no bands", (doc) -> doc.putArray("bands"), "bands is empty"),
				// items and options
				broken("duplicate item id", (doc) -> item(doc, 1).put("id", "a"), "item id 'a' is used by more than one item"),
				broken("item id with spaces", (doc) -> item(doc, 0).put("id", "item a"), "item item a: the id must be 1 to 32 lower-case letters"),
				broken("duplicate option value", (doc) -> item(doc, 2).putArray("options").add(option(0, "No")).add(option(0, "Never")),
						"item c offers the value 0 more than once"),
				broken("options out of order", (doc) -> item(doc, 2).putArray("options").add(option(1, "Yes")).add(option(0, "No")),
						"item c: option values must be in ascending order, but 0 follows 1"),
				broken("single option", (doc) -> item(doc, 2).putArray("options").add(option(0, "Yes")), "item c offers 1 option; it needs at least 2"),
				broken("empty options", (doc) -> item(doc, 2).putArray("options"), "items[2].options is empty"),
				broken("reverse-scored item with asymmetric options",
						(doc) -> item(doc, 1).putArray("options").add(option(0, "No")).add(option(1, "Some")).add(option(3, "Yes")),
						"item b is reverse-scored, so its option values must be symmetric (each value v needs 3 - v as well), but they are [0, 1, 3]"),
				broken("optional item that is scored", (doc) -> item(doc, 0).put("required", false), "item a is optional and so must not be scored"),
				broken("unscored item in a subscale", (doc) -> item(doc, 0).put("scored", false).put("required", false),
						"item a is not scored and so can be neither reverse-scored nor in a subscale"),
				broken("item naming an undeclared subscale", (doc) -> item(doc, 0).put("subscale", "THREE"), "item a names subscale THREE, which is not declared"),
				broken("missing item text", (doc) -> item(doc, 0).remove("text"), "items[0].text is missing"),
				broken("no options and no answer scale", (doc) -> doc.remove("answerScale"), "items[0].options is missing and there is no valid answerScale to fall back on"),
				broken("option without a label", (doc) -> ((ObjectNode) doc.get("answerScale").get(1)).remove("label"), "answerScale[1].label is missing"),
				broken("no items", (doc) -> doc.putArray("items"), "items is empty"),
				// subscales
				broken("subscale without items", (doc) -> ((ArrayNode) doc.get("subscales")).addObject().put("code", "THREE").put("label", "Three"),
						"subscale THREE has no scored item"),
				broken("duplicate subscale code", (doc) -> ((ObjectNode) doc.get("subscales").get(1)).put("code", "ONE"), "subscale code ONE is used more than once"),
				// risk rules
				broken("risk rule on an unknown item", (doc) -> riskRule(doc).put("itemId", "z"), "risk rule RISK on item z: there is no item z"),
				broken("risk threshold out of the item's range", (doc) -> riskRule(doc).put("atLeast", 5),
						"risk rule RISK on item c: atLeast 5 is not one of the item's option values [0, 1, 2]"),
				broken("risk threshold at the lowest option", (doc) -> riskRule(doc).put("atLeast", 0), "so the flag would be raised by every answer"),
				broken("risk flag not upper snake case", (doc) -> riskRule(doc).put("flag", "risk"), "risk rule risk on item c: the flag must be UPPER_SNAKE_CASE"),
				// messages
				broken("no message for a band's recommendation", (doc) -> ((ObjectNode) doc.get("messages")).remove("BOOK_FREE_CONSULTATION"),
						"messages.BOOK_FREE_CONSULTATION is missing, but the instrument can recommend BOOK_FREE_CONSULTATION"),
				broken("no urgent message though there are risk rules", (doc) -> ((ObjectNode) doc.get("messages")).remove("URGENT_SUPPORT"),
						"messages.URGENT_SUPPORT is missing"),
				broken("message for an unknown recommendation", (doc) -> ((ObjectNode) doc.get("messages")).put("LATER", "Later."),
						"messages.LATER: 'LATER' is not a recommendation kind"),
				// header
				broken("missing title", (doc) -> doc.remove("title"), "title is missing"),
				broken("blank title", (doc) -> doc.put("title", ""), "title is blank"),
				broken("missing attribution", (doc) -> doc.remove("attribution"), "attribution is missing"),
				broken("id that is not a slug", (doc) -> doc.put("id", "Sample_1"), "id 'Sample_1' must be a slug"),
				broken("version below 1", (doc) -> doc.put("version", 0), "version must be 1 or more, not 0"),
				broken("no estimated time", (doc) -> doc.put("estimatedMinutes", 0), "estimatedMinutes must be 1 or more, not 0"),
				broken("version that does not match the file name", (doc) -> doc.put("version", 2),
						"the file declares sample@2 and so must be .../sample/v2.json"),
				broken("id that does not match the folder", (doc) -> doc.put("id", "other"), "the file declares other@1 and so must be .../other/v1.json"),
				broken("unknown property", (doc) -> item(doc, 0).put("reverseScore", true),
						"cannot be read at items[0].reverseScore (line 1): Unrecognized property \"reverseScore\""),
				broken("value of the wrong type", (doc) -> band(doc, 0).put("min", "zero"), "cannot be read at bands[0].min"),
				broken("whole number given as text", (doc) -> band(doc, 0).put("max", "2"), "cannot be read at bands[0].max"),
				broken("fractional version", (doc) -> doc.put("version", 1.5), "cannot be read at version"));
	}

	@Test
	void reportsEveryProblemOfAFileAtOnce() {
		ObjectNode doc = valid();
		band(doc, 1).put("min", 4);
		item(doc, 1).put("id", "a");
		riskRule(doc).put("atLeast", 9);

		assertThatExceptionOfType(InstrumentDefinitionException.class)
			.isThrownBy(() -> InstrumentReader.read(SOURCE, doc.toString()))
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactlyInAnyOrder(
					"item id 'a' is used by more than one item",
					"no band covers totals 3 (between LOW and HIGH)",
					"risk rule RISK on item c: atLeast 9 is not one of the item's option values [0, 1, 2]"));
	}

	@Test
	void reportsEveryMissingFieldAtOnce() {
		ObjectNode doc = valid();
		doc.remove("summary");
		item(doc, 2).remove("id");
		band(doc, 0).remove("max");

		assertThatExceptionOfType(InstrumentDefinitionException.class)
			.isThrownBy(() -> InstrumentReader.read(SOURCE, doc.toString()))
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly("summary is missing",
					"items[2].id is missing", "bands[0].max is missing"));
	}

	@Test
	void rejectsMalformedJson() {
		assertThatExceptionOfType(InstrumentDefinitionException.class)
			.isThrownBy(() -> InstrumentReader.read(SOURCE, VALID.replace("\"title\": \"Sample\",", "\"title\": ,")))
			.withMessageStartingWith("Invalid instrument definition " + SOURCE + ":")
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement().asString().startsWith("cannot be read"));
	}

	@Test
	void rejectsAPropertyGivenTwice() {
		assertThatExceptionOfType(InstrumentDefinitionException.class)
			.isThrownBy(() -> InstrumentReader.read(SOURCE, VALID.replace("\"title\": \"Sample\",",
					"\"title\": \"Sample\", \"title\": \"Other\",")))
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement().asString().contains("title"));
	}

	@Test
	void rejectsTrailingContent() {
		assertThatExceptionOfType(InstrumentDefinitionException.class)
			.isThrownBy(() -> InstrumentReader.read(SOURCE, VALID + "{}"))
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement().asString().startsWith("cannot be read"));
	}

	@Test
	void rejectsAnEmptyFile() {
		assertThatExceptionOfType(InstrumentDefinitionException.class)
			.isThrownBy(() -> InstrumentReader.read(SOURCE, ""))
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement().asString().isNotBlank());
	}

	private static Arguments broken(String what, Consumer<ObjectNode> breakIt, String expectedProblem) {
		return arguments(what, breakIt, expectedProblem);
	}

	private static Instrument read(Consumer<ObjectNode> change) {
		ObjectNode doc = valid();
		change.accept(doc);
		return InstrumentReader.read(SOURCE, doc.toString());
	}

	private static ObjectNode valid() {
		return (ObjectNode) JSON.readTree(VALID);
	}

	private static ObjectNode item(ObjectNode doc, int index) {
		return (ObjectNode) doc.get("items").get(index);
	}

	private static ObjectNode band(ObjectNode doc, int index) {
		return (ObjectNode) doc.get("bands").get(index);
	}

	private static ObjectNode riskRule(ObjectNode doc) {
		return (ObjectNode) doc.get("riskRules").get(0);
	}

	private static ObjectNode option(int value, String label) {
		return JSON.createObjectNode().put("value", value).put("label", label);
	}

}
