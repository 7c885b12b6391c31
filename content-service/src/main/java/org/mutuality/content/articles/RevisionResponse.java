package org.mutuality.content.articles;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A previous state of an article: its content as it was at version {@code articleVersion} (written at
 * {@code writtenAt}), and who replaced it with the next state, when.
 */
record RevisionResponse(int number, long articleVersion, String slug, String title, String summary,
		String bodyMarkdown, List<String> topics, ArticleResponse.CallToActionResponse callToAction,
		Instant writtenAt, AuthorResponse replacedBy, Instant replacedAt) {

}
