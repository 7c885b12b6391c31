package org.mutuality.content.articles;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTests {

	@Test
	void lowerCasesAndJoinsWordsWithHyphens() {
		assertThat(Slugs.fromTitle("When Anxiety Talks Louder Than You")).isEqualTo("when-anxiety-talks-louder-than-you");
	}

	@Test
	void foldsAccentsAndLigatures() {
		assertThat(Slugs.fromTitle("Crème brûlée, Ærø & Straße: Łódź")).isEqualTo("creme-brulee-aero-and-strasse-lodz");
		assertThat(Slugs.fromTitle("Ｆｕｌｌｗｉｄｔｈ ｔｉｔｌｅ")).isEqualTo("fullwidth-title");
	}

	@Test
	void dropsPunctuationAndCollapsesSeparators() {
		assertThat(Slugs.fromTitle("  --What's   \"mutual\"?!  (Part 2) -- ")).isEqualTo("what-s-mutual-part-2");
	}

	@Test
	void fallsBackWhenTheTitleHasNoLettersOrDigits() {
		assertThat(Slugs.fromTitle("¿¡ — !?")).isEqualTo("article");
		assertThat(Slugs.fromTitle("你好")).isEqualTo("article");
	}

	@Test
	void boundsTheLengthAtAWordBoundary() {
		String full = "a-very-long-title-".repeat(20);
		String slug = Slugs.fromTitle("a very long title ".repeat(20));
		assertThat(slug).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).doesNotEndWith("-");
		assertThat(full).startsWith(slug + "-");
		assertThat(Slugs.isValid(slug)).isTrue();
	}

	@Test
	void cutsAnOverlongWordHard() {
		assertThat(Slugs.fromTitle("x".repeat(200))).hasSize(Slugs.MAX_LENGTH);
	}

	@Test
	void suffixKeepsTheSlugWithinTheBound() {
		assertThat(Slugs.withSuffix("couples-therapy", 2)).isEqualTo("couples-therapy-2");
		String base = Slugs.fromTitle("word ".repeat(40));
		String suffixed = Slugs.withSuffix(base, 13);
		assertThat(suffixed).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).endsWith("-word-13");
		assertThat(Slugs.isValid(suffixed)).isTrue();
	}

	@Test
	void acceptsOnlyWellFormedExplicitSlugs() {
		assertThat(Slugs.isValid("anxiety-101")).isTrue();
		assertThat(Slugs.isValid("Anxiety")).isFalse();
		assertThat(Slugs.isValid("-anxiety")).isFalse();
		assertThat(Slugs.isValid("anxiety--101")).isFalse();
		assertThat(Slugs.isValid("anxiété")).isFalse();
		assertThat(Slugs.isValid("a".repeat(81))).isFalse();
		assertThat(Slugs.isValid("")).isFalse();
	}

}
