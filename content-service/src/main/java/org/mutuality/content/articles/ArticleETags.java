package org.mutuality.content.articles;

import java.util.UUID;

import org.mutuality.platform.problem.PreconditionFailedException;

/**
 * The entity tags of articles: strong, made from the article's id and version, so any change to an article
 * (content, status, topics) gives it a new one.
 */
final class ArticleETags {

	private ArticleETags() {
	}

	static String of(UUID id, long version) {
		return "\"" + id.toString().substring(0, 8) + "-" + version + "\"";
	}

	static String of(Article article) {
		return of(article.getId(), article.getVersion());
	}

	static String of(ArticleResponse article) {
		return of(article.id(), article.version());
	}

	/**
	 * Checks an {@code If-Match} header against the article's tag (strong comparison, RFC 9110): absent or
	 * {@code *} passes, any list that does not hold the current tag fails with 412.
	 */
	static void checkIfMatch(String ifMatch, Article article) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
			return;
		}
		String current = of(article);
		for (String candidate : ifMatch.split(",")) {
			if (candidate.strip().equals(current)) {
				return;
			}
		}
		throw new PreconditionFailedException(
				"The article has changed since it was read (its ETag is now " + current + "); fetch it again");
	}

}
