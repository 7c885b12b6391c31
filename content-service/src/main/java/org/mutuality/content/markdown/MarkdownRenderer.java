package org.mutuality.content.markdown;

import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import org.springframework.stereotype.Component;

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

	private final TextContentRenderer textRenderer = TextContentRenderer.builder().extensions(EXTENSIONS).build();

	public RenderedMarkdown render(String markdown) {
		Node document = this.parser.parse(CONTROL.matcher(markdown).replaceAll(""));
		String html = POLICY.sanitize(this.htmlRenderer.render(document));
		String text = this.textRenderer.render(document).strip();
		return new RenderedMarkdown(html, text, firstParagraph(document));
	}

	/** Only the sanitiser's half: what any HTML becomes before it is served. */
	public String sanitize(String html) {
		return POLICY.sanitize(html);
	}

	private String firstParagraph(Node document) {
		Paragraph[] first = new Paragraph[1];
		document.accept(new AbstractVisitor() {
			@Override
			public void visit(Paragraph paragraph) {
				if (first[0] == null) {
					first[0] = paragraph;
				}
			}
		});
		return (first[0] != null) ? this.textRenderer.render(first[0]).strip() : "";
	}

}
