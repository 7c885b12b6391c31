package org.mutuality.assessment.instruments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for the instrument files shipped in {@code src/main/resources/instruments}: their wording,
 * scales, bands and rules, and that no published version is ever edited in place.
 */
class ShippedInstrumentsTests {

	/**
	 * The SHA-256 of each published file (line endings normalised). A published version is frozen:
	 * submissions made under it must keep their scoring. To change an instrument, add a new version
	 * file and pin it here; never edit a pinned one.
	 */
	private static final Map<String, String> PUBLISHED = Map.of(
			"instruments/phq-9/v1.json", "baba22f2a93d5289c1d3bd9d5a6752579012fb7541a7585cc55027190080d027",
			"instruments/gad-7/v1.json", "5ecdca5bf742cdbfdbeb75d75cada2ece06b016298be348d91ab5763416d665b",
			"instruments/relationship-mutuality/v1.json", "0919ea5db1c5de137137605085bec9c114ab3780899a445313fd95855083f616");

	private static final List<String> FREQUENCY_LABELS = List.of("Not at all", "Several days",
			"More than half the days", "Nearly every day");

	private final InstrumentRegistry registry = InstrumentRegistry.fromClasspath();

	@Test
	void phq9HasTheStandardWordingScaleAndBands() {
		Instrument phq9 = this.registry.current("phq-9").orElseThrow();

		assertThat(phq9.version()).isEqualTo(1);
		assertThat(phq9.instructions())
			.isEqualTo("Over the last 2 weeks, how often have you been bothered by any of the following problems?");
		assertThat(phq9.items()).extracting(Item::id, Item::text).containsExactly(
				tuple("q1", "Little interest or pleasure in doing things"),
				tuple("q2", "Feeling down, depressed, or hopeless"),
				tuple("q3", "Trouble falling or staying asleep, or sleeping too much"),
				tuple("q4", "Feeling tired or having little energy"),
				tuple("q5", "Poor appetite or overeating"),
				tuple("q6", "Feeling bad about yourself — or that you are a failure or have let yourself or your family down"),
				tuple("q7", "Trouble concentrating on things, such as reading the newspaper or watching television"),
				tuple("q8", "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual"),
				tuple("q9", "Thoughts that you would be better off dead or of hurting yourself in some way"));
		assertFrequencyScale(phq9);
		assertThat(phq9.minTotal()).isZero();
		assertThat(phq9.maxTotal()).isEqualTo(27);
		assertThat(phq9.bands()).extracting(Band::code, Band::min, Band::max, Band::recommendation).containsExactly(
				tuple("MINIMAL", 0, 4, RecommendationKind.SELF_GUIDED),
				tuple("MILD", 5, 9, RecommendationKind.SELF_GUIDED),
				tuple("MODERATE", 10, 14, RecommendationKind.BOOK_FREE_CONSULTATION),
				tuple("MODERATELY_SEVERE", 15, 19, RecommendationKind.BOOK_FREE_CONSULTATION),
				tuple("SEVERE", 20, 27, RecommendationKind.BOOK_FREE_CONSULTATION));
		assertThat(phq9.riskRules()).extracting(RiskRule::flag, RiskRule::itemId, RiskRule::atLeast)
			.containsExactly(tuple("SELF_HARM_RISK", "q9", 1));
		assertCreditsTheAuthors(phq9);
	}

	@Test
	void phq9UrgentMessageCarriesInternationalCrisisGuidance() {
		String message = this.registry.current("phq-9")
			.flatMap((phq9) -> phq9.message(RecommendationKind.URGENT_SUPPORT))
			.orElseThrow();

		assertThat(message).contains("You do not have to wait for a consultation", "emergency number", "988",
				"116 123", "Samaritans", "findahelpline.com");
	}

	@Test
	void gad7HasTheStandardWordingScaleAndBands() {
		Instrument gad7 = this.registry.current("gad-7").orElseThrow();

		assertThat(gad7.version()).isEqualTo(1);
		assertThat(gad7.instructions())
			.isEqualTo("Over the last 2 weeks, how often have you been bothered by the following problems?");
		assertThat(gad7.items()).extracting(Item::text).containsExactly("Feeling nervous, anxious, or on edge",
				"Not being able to stop or control worrying", "Worrying too much about different things",
				"Trouble relaxing", "Being so restless that it is hard to sit still",
				"Becoming easily annoyed or irritable", "Feeling afraid, as if something awful might happen");
		assertFrequencyScale(gad7);
		assertThat(gad7.maxTotal()).isEqualTo(21);
		assertThat(gad7.bands()).extracting(Band::code, Band::min, Band::max, Band::recommendation).containsExactly(
				tuple("MINIMAL", 0, 4, RecommendationKind.SELF_GUIDED),
				tuple("MILD", 5, 9, RecommendationKind.SELF_GUIDED),
				tuple("MODERATE", 10, 14, RecommendationKind.BOOK_FREE_CONSULTATION),
				tuple("SEVERE", 15, 21, RecommendationKind.BOOK_FREE_CONSULTATION));
		assertThat(gad7.riskRules()).isEmpty();
		assertCreditsTheAuthors(gad7);
	}

	@Test
	void relationshipMutualityHasThreeSubscalesOnAFivePointAgreementScale() {
		Instrument rm = this.registry.current("relationship-mutuality").orElseThrow();

		assertThat(rm.items()).hasSizeBetween(12, 20).allSatisfy((item) -> {
			assertThat(item.required()).isTrue();
			assertThat(item.scored()).isTrue();
			assertThat(item.subscale()).isNotNull();
			assertThat(item.options()).extracting(AnswerOption::value, AnswerOption::label).containsExactly(
					tuple(1, "Strongly disagree"), tuple(2, "Disagree"), tuple(3, "Neither agree nor disagree"),
					tuple(4, "Agree"), tuple(5, "Strongly agree"));
		});
		assertThat(rm.subscales()).extracting(Subscale::code, Subscale::reversedInTotal).containsExactly(
				tuple("HIERARCHICAL", true), tuple("TRANSACTIONAL", true), tuple("MUTUAL", false));
		assertThat(rm.subscales()).allSatisfy((subscale) -> {
			assertThat(rm.itemsOf(subscale.code())).hasSize(5).anyMatch(Item::reverseScored);
			assertThat(subscale.description()).isNotBlank();
		});
		assertThat(rm.bands()).extracting(Band::code, Band::min, Band::max, Band::recommendation).containsExactly(
				tuple("LOW_MUTUALITY", 15, 34, RecommendationKind.BOOK_FREE_CONSULTATION),
				tuple("MIXED", 35, 54, RecommendationKind.SELF_GUIDED),
				tuple("HIGH_MUTUALITY", 55, 75, RecommendationKind.SELF_GUIDED));
		assertThat(rm.scoringNotes()).contains("MUTUAL + (30 - HIERARCHICAL) + (30 - TRANSACTIONAL)");
		assertThat(rm.riskRules()).isEmpty();
	}

	@Test
	void everyShippedInstrumentIsReadyToShow() {
		assertThat(this.registry.currentInstruments()).allSatisfy((instrument) -> {
			assertThat(instrument.estimatedMinutes()).isBetween(1, 10);
			assertThat(instrument.scoringNotes()).isNotBlank();
			assertThat(instrument.bands()).allSatisfy((band) -> assertThat(band.description()).isNotBlank());
			assertThat(instrument.message(RecommendationKind.SELF_GUIDED)).isPresent();
			assertThat(instrument.message(RecommendationKind.BOOK_FREE_CONSULTATION)).isPresent();
		});
	}

	@Test
	void publishedVersionsAreNeverEditedInPlace() throws IOException {
		Map<String, String> found = new TreeMap<>();
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources(InstrumentRegistry.DEFAULT_LOCATION)) {
			String path = resource.getURL().getPath();
			found.put(path.substring(path.lastIndexOf("instruments/")), sha256(resource));
		}

		assertThat(found).as("a published instrument file was edited, or a new one is not pinned in PUBLISHED; "
				+ "publish a change as a new version file instead").isEqualTo(new TreeMap<>(PUBLISHED));
	}

	private static void assertFrequencyScale(Instrument instrument) {
		assertThat(instrument.items()).allSatisfy((item) -> {
			assertThat(item.required()).isTrue();
			assertThat(item.scored()).isTrue();
			assertThat(item.reverseScored()).isFalse();
			assertThat(item.options()).extracting(AnswerOption::value).containsExactly(0, 1, 2, 3);
			assertThat(item.options()).extracting(AnswerOption::label).isEqualTo(FREQUENCY_LABELS);
		});
	}

	private static void assertCreditsTheAuthors(Instrument instrument) {
		assertThat(instrument.attribution().credit()).contains("Spitzer", "Williams", "Kroenke");
		assertThat(instrument.attribution().reference()).isNotBlank();
		assertThat(instrument.attribution().terms()).contains("No permission required");
	}

	private static String sha256(Resource resource) throws IOException {
		try (InputStream in = resource.getInputStream()) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
