package org.mutuality.content.markdown;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownRendererTests {

	private final MarkdownRenderer renderer = new MarkdownRenderer();

	@Test
	void rendersCommonMark() {
		RenderedMarkdown body = this.renderer.render("""
				# Title

				Some *emphasis*, **strong** and `code`, a [link](https://example.org/x "t").

				> quoted

				1. one
				2. two

				```java
				int x = 1;
				```
				""");
		assertThat(body.html()).contains("<h1>Title</h1>")
			.contains("<em>emphasis</em>")
			.contains("<strong>strong</strong>")
			.contains("<code>code</code>")
			.contains("<a href=\"https://example.org/x\" title=\"t\" rel=\"nofollow noopener noreferrer\">link</a>")
			.contains("<blockquote>")
			.contains("<ol>")
			.contains("<code class=\"language-java\">int x &#61; 1;");
	}

	@Test
	void rendersTables() {
		RenderedMarkdown body = this.renderer.render("""
				| Feeling | Often |
				|:--------|------:|
				| calm    | yes   |
				""");
		assertThat(body.html()).contains("<table>")
			.contains("<th align=\"left\">Feeling</th>")
			.contains("<td align=\"right\">yes</td>");
	}

	@Test
	void givesPlainTextWordsAndReadingTime() {
		RenderedMarkdown body = this.renderer.render("## Heading\n\n" + "word ".repeat(401));
		assertThat(body.text()).startsWith("Heading").doesNotContain("#");
		assertThat(body.words()).isEqualTo(402);
		assertThat(body.readingMinutes()).isEqualTo(3);
		assertThat(this.renderer.render("Short.").readingMinutes()).isEqualTo(1);
	}

	@Test
	void excerptIsTheFirstParagraphCutAtAWord() {
		RenderedMarkdown body = this.renderer.render("# Title\n\nThe *first* paragraph is here, and it goes on.\n\nSecond.");
		assertThat(body.excerpt(300)).isEqualTo("The first paragraph is here, and it goes on.");
		assertThat(body.excerpt(25)).isEqualTo("The first paragraph is…");
	}

	@Test
	void excerptFallsBackToTheTextWithoutParagraphs() {
		assertThat(this.renderer.render("# Only a heading").excerpt(100)).isEqualTo("Only a heading");
	}

	@Test
	void plainTextHoldsOnlyWhatAReaderSees() {
		RenderedMarkdown body = this.renderer.render("Hello <script>alert(1)</script> **world** &amp; 5 &lt; 6\n\n"
				+ "| a | b |\n|---|---|\n| c | d |\n");
		assertThat(body.text()).isEqualTo("Hello world & 5 < 6\na b\nc d");
		assertThat(body.excerpt(100)).isEqualTo("Hello world & 5 < 6");
	}

	@Test
	void removesControlCharacters() {
		assertThat(this.renderer.render("a\u0002b\u0003c").text()).isEqualTo("abc");
	}

}
