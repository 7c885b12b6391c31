package org.mutuality.content.articles;

import java.util.List;

/**
 * The editable content of an article, with everything derived from it (HTML, plain text, reading time, and the
 * summary when the author gave none) already worked out.
 */
record ArticleContent(String slug, String title, String summary, String bodyMarkdown, String bodyHtml,
		String bodyText, int readingMinutes, List<String> topics, CallToAction callToAction) {

}
