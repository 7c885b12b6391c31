package org.mutuality.assessment.instruments;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link InstrumentRegistry}, with the shipped instruments and a test-only second
 * version of the PHQ-9.
 */
class InstrumentRegistryTests {

	static final String PHQ9_V2_FIXTURE = "classpath:org/mutuality/assessment/instruments/fixtures/phq-9/v2.json";

	private final InstrumentRegistry shipped = InstrumentRegistry.fromClasspath();

	private final InstrumentRegistry withV2 = InstrumentRegistry.fromLocations(InstrumentRegistry.DEFAULT_LOCATION,
			PHQ9_V2_FIXTURE);

	@Test
	void listsTheCurrentVersionOfEachShippedInstrumentById() {
		assertThat(this.shipped.currentInstruments()).extracting(Instrument::key)
			.containsExactly("gad-7@1", "phq-9@1", "relationship-mutuality@1");
	}

	@Test
	void givesTheHighestVersionAsCurrent() {
		assertThat(this.withV2.current("phq-9")).get().extracting(Instrument::version).isEqualTo(2);
		assertThat(this.withV2.currentInstruments()).extracting(Instrument::key)
			.containsExactly("gad-7@1", "phq-9@2", "relationship-mutuality@1");
	}

	@Test
	void keepsEveryOlderVersionUnchangedWhenANewOneIsRegistered() {
		assertThat(this.withV2.versions("phq-9")).extracting(Instrument::version).containsExactly(1, 2);
		assertThat(this.withV2.find("phq-9", 1)).isEqualTo(this.shipped.find("phq-9", 1));
		assertThat(this.withV2.find("phq-9", 1)).get().satisfies((v1) -> {
			assertThat(v1.items()).hasSize(9);
			assertThat(v1.bandFor(9)).get().extracting(Band::code).isEqualTo("MILD");
		});
		assertThat(this.withV2.find("phq-9", 2)).get().satisfies((v2) -> {
			assertThat(v2.items()).hasSize(10);
			assertThat(v2.bandFor(9)).get().extracting(Band::code).isEqualTo("MODERATE");
		});
	}

	@Test
	void findsNothingForAnUnknownIdOrVersion() {
		assertThat(this.shipped.current("beck-depression")).isEmpty();
		assertThat(this.shipped.find("beck-depression", 1)).isEmpty();
		assertThat(this.shipped.find("phq-9", 2)).isEmpty();
		assertThat(this.shipped.find("phq-9", 0)).isEmpty();
		assertThat(this.shipped.versions("beck-depression")).isEmpty();
	}

	@Test
	void cannotBeChangedThroughWhatItReturns() {
		List<Instrument> current = this.shipped.currentInstruments();
		List<Instrument> versions = this.shipped.versions("phq-9");
		Instrument phq9 = this.shipped.current("phq-9").orElseThrow();

		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> current.remove(0));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> versions.clear());
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> phq9.items().remove(8));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> phq9.messages().remove(RecommendationKind.URGENT_SUPPORT));
	}

	@Test
	void rejectsTwoFilesDeclaringTheSameVersion() {
		assertThatExceptionOfType(InstrumentDefinitionException.class)
			.isThrownBy(() -> InstrumentRegistry.fromLocations(InstrumentRegistry.DEFAULT_LOCATION,
					"classpath:instruments/phq-9/v1.json"))
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement()
				.isEqualTo("phq-9@1 is also defined by instruments/phq-9/v1.json"));
	}

	@Test
	void failsWhenNoDefinitionIsFound() {
		assertThatExceptionOfType(InstrumentDefinitionException.class)
			.isThrownBy(() -> InstrumentRegistry.fromLocations("classpath*:no-such-folder/*/v*.json"))
			.withMessageContaining("no instrument definition found");
	}

	@Test
	void registersInstrumentsBuiltInCode() {
		Instrument gad7 = this.shipped.current("gad-7").orElseThrow();

		InstrumentRegistry registry = InstrumentRegistry.of(List.of(gad7));

		assertThat(registry.current("gad-7")).containsSame(gad7);
		assertThat(registry.current("phq-9")).isEmpty();
	}

	@Test
	void rejectsAnInstrumentRegisteredTwice() {
		Instrument gad7 = this.shipped.current("gad-7").orElseThrow();

		assertThatExceptionOfType(InstrumentDefinitionException.class)
			.isThrownBy(() -> InstrumentRegistry.of(List.of(gad7, gad7)))
			.withMessageContaining("gad-7@1 is registered twice");
	}

	@Test
	void checksInstrumentsBuiltInCode() {
		Instrument gad7 = this.shipped.current("gad-7").orElseThrow();
		Instrument withoutMessages = new Instrument(gad7.id(), 2, gad7.title(), gad7.summary(), gad7.instructions(),
				gad7.estimatedMinutes(), gad7.attribution(), gad7.scoringNotes(), gad7.items(), gad7.subscales(),
				gad7.bands(), gad7.riskRules(), Map.of());

		assertThatExceptionOfType(InstrumentDefinitionException.class)
			.isThrownBy(() -> InstrumentRegistry.of(List.of(gad7, withoutMessages)))
			.satisfies((ex) -> {
				assertThat(ex.getSource()).isEqualTo("gad-7@2");
				assertThat(ex.getProblems()).containsExactlyInAnyOrder(
						"messages.SELF_GUIDED is missing, but the instrument can recommend SELF_GUIDED",
						"messages.BOOK_FREE_CONSULTATION is missing, but the instrument can recommend BOOK_FREE_CONSULTATION");
			});
	}

}
