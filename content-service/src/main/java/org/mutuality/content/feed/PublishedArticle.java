package org.mutuality.content.feed;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the feed and the sitemap say about a published article.
 */
record PublishedArticle(UUID id, String slug, String title, String summary, String bodyHtml, String authorName,
		List<String> topics, Instant publishedAt, Instant updatedAt) {

	Instant lastModified() {
		return this.updatedAt.isAfter(this.publishedAt) ? this.updatedAt : this.publishedAt;
	}

}
