package org.mutuality.content.markdown;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every vector of the OWASP XSS Filter Evasion Cheat Sheet, and the Markdown-specific ways to smuggle a link or
 * image, rendered as an article body: what comes out must be inert. The output is read back tag by tag: only
 * allow-listed elements and attributes, no event handlers or styles, no URL with a scheme other than http, https
 * or mailto, and no stray {@code <} that a browser could take for markup.
 */
class XssVectorsTests {

	private static final Set<String> ELEMENTS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul",
			"ol", "li", "pre", "code", "em", "strong", "del", "s", "sup", "sub", "br", "hr", "table", "thead", "tbody",
			"tr", "th", "td", "a", "img");

	private static final Set<String> ATTRIBUTES = Set.of("href", "src", "alt", "title", "rel", "align", "class",
			"start");

	private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z0-9]+)((?:\\s+[a-zA-Z-]+=\"[^\"<>]*\")*)\\s*/?>");

	private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)=\"([^\"]*)\"");

	private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);?");

	private final MarkdownRenderer renderer = new MarkdownRenderer();

	static Stream<String> vectors() throws IOException {
		try (InputStream in = XssVectorsTests.class.getResourceAsStream("xss-vectors.txt")) {
			List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.map(XssVectorsTests::unescape)
				.toList();
			assertThat(lines).hasSizeGreaterThan(100);
			return lines.stream();
		}
	}

	@ParameterizedTest
	@MethodSource("vectors")
	void vectorComesOutInert(String vector) {
		assertInert(this.renderer.render(vector).html());
		assertInert(this.renderer.render("Some text before.\n\n" + vector + "\n\nAnd after.").html());
		assertInert(this.renderer.render("* " + vector).html());
		assertInert(this.renderer.sanitize(vector));
	}

	private static void assertInert(String html) {
		Matcher tags = TAG.matcher(html);
		StringBuilder text = new StringBuilder();
		int last = 0;
		while (tags.find()) {
			text.append(html, last, tags.start());
			last = tags.end();
			String element = tags.group(2);
			assertThat(element).as("element in %s", html).isIn(ELEMENTS);
			Matcher attributes = ATTRIBUTE.matcher(tags.group(3));
			while (attributes.find()) {
				String name = attributes.group(1);
				assertThat(name).as("attribute in %s", html).isIn(ATTRIBUTES);
				if (name.equals("href") || name.equals("src")) {
					assertThat(isSafeUrl(decode(attributes.group(2)))).as("URL in %s", html).isTrue();
				}
			}
		}
		text.append(html.substring(last));
		assertThat(text.toString()).as("text of %s", html).doesNotContain("<", ">");
		assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script", "<iframe", "<style", "<svg", "<object",
				"<embed", "<meta", "<link", "<base", "<form", "style=", "onerror=", "onload=", "onmouseover=");
	}

	private static boolean isSafeUrl(String url) {
		String compact = url.replaceAll("[\\p{Cntrl}\\s]", "").toLowerCase(Locale.ROOT);
		int colon = compact.indexOf(':');
		if (colon < 0) {
			return true;
		}
		String beforeColon = compact.substring(0, colon);
		if (beforeColon.contains("/") || beforeColon.contains("?") || beforeColon.contains("#")) {
			return true; // a relative URL
		}
		return Set.of("http", "https", "mailto").contains(beforeColon);
	}

	private static String decode(String value) {
		String decoded = value;
		for (int i = 0; i < 3; i++) {
			Matcher entities = ENTITY.matcher(decoded);
			decoded = entities.replaceAll((match) -> Matcher.quoteReplacement(entity(match.group(1))));
		}
		return decoded;
	}

	private static String entity(String name) {
		if (name.startsWith("#x") || name.startsWith("#X")) {
			return Character.toString(Integer.parseInt(name.substring(2), 16));
		}
		if (name.startsWith("#")) {
			return Character.toString(Integer.parseInt(name.substring(1)));
		}
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "amp" -> "&";
			case "lt" -> "<";
			case "gt" -> ">";
			case "quot" -> "\"";
			case "apos" -> "'";
			case "colon" -> ":";
			case "tab" -> "\t";
			case "newline" -> "\n";
			default -> "";
		};
	}

	private static String unescape(String line) {
		return line.replace("\\n", "\n")
			.replace("\\t", "\t")
			.replace("\\r", "\r")
			.replace("\\0", "\0")
			.replace("\\x0B", "\u000B");
	}

}
