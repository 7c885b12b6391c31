package org.mutuality.content.markdown;

import java.util.regex.Pattern;

/**
 * An article body rendered from Markdown: the sanitised {@code html} that clients may insert into a page as it is,
 * the body as plain {@code text} (for search and snippets), and its first paragraph as plain text (the source of a
 * summary when the author gives none).
 */
public record RenderedMarkdown(String html, String text, String firstParagraph) {

	/** Words per minute of an unhurried reader. */
	static final int WORDS_PER_MINUTE = 200;

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");

	/** The body's word count. */
	public int words() {
		return (int) WORD.matcher(this.text).results().count();
	}

	/** Minutes to read the body, rounded up, at least one. */
	public int readingMinutes() {
		return Math.max(1, (words() + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
	}

	/**
	 * The first paragraph, shortened at a word boundary to at most {@code maxLength} characters (an ellipsis marks
	 * the cut); the start of the text when the body has no paragraph.
	 */
	public String excerpt(int maxLength) {
		String source = (this.firstParagraph.isBlank() ? this.text : this.firstParagraph).strip()
			.replaceAll("\\s+", " ");
		if (source.length() <= maxLength) {
			return source;
		}
		String cut = source.substring(0, maxLength - 1);
		int space = cut.lastIndexOf(' ');
		if (space > maxLength / 2) {
			cut = cut.substring(0, space);
		}
		return cut.replaceAll("[\\s,;:.\\-–—]+$", "") + "…";
	}

}
