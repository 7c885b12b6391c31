package org.mutuality.content.articles;

/**
 * What a slug leads to: the article, or the article's current slug when the one asked for is a former one.
 */
sealed interface ArticleLookup {

	record Found(ArticleResponse article) implements ArticleLookup {
	}

	record Moved(String slug) implements ArticleLookup {
	}

}
