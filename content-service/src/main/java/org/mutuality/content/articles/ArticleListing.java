package org.mutuality.content.articles;

import java.util.UUID;

/**
 * What a list of articles is asked for, after the caller's role has been applied: one status, optionally one
 * author's articles only, a topic, and a full-text query.
 */
record ArticleListing(ArticleStatus status, UUID authorId, String topic, String query, int page, int size) {

	boolean isSearch() {
		return this.query != null;
	}

	long offset() {
		return (long) this.page * this.size;
	}

}
