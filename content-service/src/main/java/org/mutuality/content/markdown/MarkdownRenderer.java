package org.mutuality.content.markdown;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders article bodies: CommonMark with GitHub-style tables to HTML, which the OWASP Java HTML Sanitizer then
 * reduces to an allow-list of text-formatting elements and safe attributes. Raw HTML in the Markdown passes the
 * renderer but not the sanitiser: scripts, styles, frames, forms, event-handler attributes, and URLs other than
 * {@code http}, {@code https}, {@code mailto} and relative ones never survive. Links get
 * {@code rel="nofollow noopener noreferrer"}. Thread-safe.
 */
@Component
public class MarkdownRenderer {

	/** Control characters have no place in an article and are used as highlight markers by search. */
	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

	private static final Pattern FIRST_PARAGRAPH = Pattern.compile("<p>(.*?)</p>", Pattern.DOTALL);

	private static final Pattern LINE_BREAK = Pattern.compile("<br\\s*/?>");

	private static final Pattern BLOCK_END = Pattern.compile("</(p|h[1-6]|li|blockquote|pre|tr|table|thead|tbody|ul|ol)>|<hr\\s*/?>");

	private static final Pattern CELL_END = Pattern.compile("</t[dh]>");

	private static final Pattern TAG = Pattern.compile("<[^>]*>");

	private static final Pattern SPACES = Pattern.compile("[ \\t\\u00a0]+");

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "pre", "code", "em",
				"strong", "del", "s", "sup", "sub", "br", "hr", "table", "thead", "tbody", "tr", "th", "td", "a",
				"img")
		.allowAttributes("start").matching(Pattern.compile("[0-9]{1,6}")).onElements("ol")
		.allowAttributes("align").matching(true, "left", "center", "right").onElements("th", "td")
		.allowAttributes("class").matching(Pattern.compile("language-[A-Za-z0-9+#_-]{1,40}")).onElements("code")
		.allowAttributes("href").onElements("a")
		.allowAttributes("src", "alt").onElements("img")
		.allowAttributes("title").onElements("a", "img")
		.allowStandardUrlProtocols()
		.requireRelsOnLinks("nofollow", "noopener", "noreferrer")
		.toFactory();

	private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

	private final HtmlRenderer htmlRenderer = HtmlRenderer.builder()
		.extensions(EXTENSIONS)
		.sanitizeUrls(true)
		.build();

	/**
	 * Renders the Markdown. The plain text is taken from the sanitised HTML, so that it holds what a reader sees:
	 * no markup, and nothing of what the sanitiser removed (a script's source, say).
	 */
	public RenderedMarkdown render(String markdown) {
		Node document = this.parser.parse(CONTROL.matcher(markdown).replaceAll(""));
		String html = POLICY.sanitize(this.htmlRenderer.render(document));
		Matcher paragraph = FIRST_PARAGRAPH.matcher(html);
		String first = paragraph.find() ? text(paragraph.group(1)) : "";
		return new RenderedMarkdown(html, text(html), first);
	}

	/** Only the sanitiser's half: what any HTML becomes before it is served. */
	public String sanitize(String html) {
		return POLICY.sanitize(html);
	}

	/** The text of sanitised HTML: block ends become line breaks, cells are separated by spaces. */
	static String text(String html) {
		String text = LINE_BREAK.matcher(html).replaceAll("\n");
		text = BLOCK_END.matcher(text).replaceAll("\n");
		text = CELL_END.matcher(text).replaceAll(" ");
		text = HtmlUtils.htmlUnescape(TAG.matcher(text).replaceAll(""));
		return text.lines()
			.map((line) -> SPACES.matcher(line.strip()).replaceAll(" "))
			.filter((line) -> !line.isEmpty())
			.collect(Collectors.joining("\n"));
	}

}
