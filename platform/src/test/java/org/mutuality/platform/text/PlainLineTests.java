package org.mutuality.platform.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainLineTests {

	@Test
	void controlCharactersAndNonCharactersBecomeSpaces() {
		assertThat(PlainLine.of(" Couples\u000Btherapy\r\nwith\u0000care\uFFFE ")).isEqualTo("Couples therapy with care");
	}

	@Test
	void nullStaysNull() {
		assertThat(PlainLine.of(null)).isNull();
		assertThat(PlainLine.of(null, 10)).isNull();
	}

	@Test
	void aLongLineIsCutToItsLength() {
		assertThat(PlainLine.of("Alex Morgan-Smith", 11)).isEqualTo("Alex Morgan");
		assertThat(PlainLine.of("Alex Morgan ", 5)).isEqualTo("Alex");
		assertThat(PlainLine.of("Alex", 4)).isEqualTo("Alex");
	}

	@Test
	void aCutNeverSplitsASurrogatePair() {
		String emoji = "\uD83D\uDE00";
		String cut = PlainLine.of("ab" + emoji + "cd", 3);
		assertThat(cut).isEqualTo("ab");
		assertThat(PlainLine.of("ab" + emoji + "cd", 4)).isEqualTo("ab" + emoji);
	}

}
