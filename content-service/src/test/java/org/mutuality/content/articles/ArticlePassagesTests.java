package org.mutuality.content.articles;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArticlePassagesTests {

	@Test
	void joinsShortParagraphsUpToTheTargetLength() {
		List<String> passages = ArticlePassages.split("Heading\nOne short paragraph.\n\nAnother one.\n" + "x".repeat(280));
		assertThat(passages).containsExactly("Heading\nOne short paragraph.\nAnother one.", "x".repeat(280));
	}

	@Test
	void cutsLongParagraphsBetweenSentences() {
		String sentence = "This sentence has about sixty characters in it, give or take. ";
		List<String> passages = ArticlePassages.split(sentence.repeat(10).strip());
		assertThat(passages).hasSizeGreaterThan(1)
			.allSatisfy((passage) -> assertThat(passage).hasSizeLessThanOrEqualTo(ArticlePassages.TARGET_LENGTH));
		assertThat(String.join(" ", passages).replace('\n', ' ')).isEqualTo(sentence.repeat(10).strip());
	}

	@Test
	void keepsAnOverlongSentenceWhole() {
		String sentence = "word ".repeat(100).strip();
		assertThat(ArticlePassages.split(sentence)).containsExactly(sentence);
	}

	@Test
	void hasNoPassagesForAnEmptyBody() {
		assertThat(ArticlePassages.split("")).isEmpty();
	}

}
