package org.mutuality.content.articles;

/**
 * Where an article is in its lifecycle: {@code DRAFT} -> {@code SCHEDULED} (publish time in the future) ->
 * {@code PUBLISHED} -> {@code ARCHIVED}. A draft may also be published at once.
 */
public enum ArticleStatus {

	DRAFT, SCHEDULED, PUBLISHED, ARCHIVED

}
