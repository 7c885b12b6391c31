package org.mutuality.content.articles;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.mutuality.platform.problem.ConflictException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every slug an article has had, its current one included ({@code article_slugs}). A slug belongs to one article
 * for good: no other article may take it, so an old link can always be redirected to where the article lives now.
 */
@Repository
class ArticleSlugs {

	private final JdbcClient jdbc;

	ArticleSlugs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The article the slug belongs or belonged to. */
	Optional<UUID> owner(String slug) {
		return this.jdbc.sql("select article_id from article_slugs where slug = ?").param(slug).query(UUID.class)
			.optional();
	}

	/**
	 * The title's slug, or the first of {@code -2}, {@code -3}, ... that no article has ever had. Concurrent
	 * transactions that derive from the same slug wait for each other (an advisory lock until commit), so that they
	 * cannot both pick the same one. A suffixed slug is taken only with its own lock, without waiting: a request
	 * that holds it is claiming that slug explicitly (or derives from it), so it counts as taken, and an explicit
	 * claim that comes later waits for this transaction and then finds the slug taken (409, not a 500 from the
	 * unique index).
	 */
	String freeSlugFor(String title) {
		String base = Slugs.fromTitle(title);
		lock(base);
		Set<String> taken = new HashSet<>(this.jdbc
			.sql("select slug from article_slugs where slug = :base or slug like :prefix")
			.param("base", base)
			.param("prefix", likePrefix(Slugs.withSuffix(base, 2)))
			.query(String.class)
			.list());
		if (!taken.contains(base)) {
			return base;
		}
		for (int n = 2;; n++) {
			String candidate = Slugs.withSuffix(base, n);
			if (!taken.contains(candidate) && tryLock(candidate) && !isTaken(candidate)) {
				return candidate;
			}
		}
	}

	/** Holds the slug's advisory lock until the transaction ends. */
	void lock(String slug) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(slug).query().singleRow();
	}

	/** Takes the slug's advisory lock until the transaction ends if no other transaction holds it. */
	private boolean tryLock(String slug) {
		return this.jdbc.sql("select pg_try_advisory_xact_lock(hashtext(?))").param(slug).query(Boolean.class).single();
	}

	/** Records the slug as the article's; a 409 {@code slug-taken} if another article has it. */
	void claim(String slug, UUID articleId) {
		this.jdbc.sql("insert into article_slugs (slug, article_id) values (?, ?) on conflict (slug) do nothing")
			.params(slug, articleId)
			.update();
		UUID owner = owner(slug).orElseThrow();
		if (!owner.equals(articleId)) {
			throw taken(slug);
		}
	}

	static ConflictException taken(String slug) {
		return new ConflictException("slug-taken", "The slug '" + slug + "' is taken by another article");
	}

	private boolean isTaken(String slug) {
		return owner(slug).isPresent();
	}

	/** A LIKE pattern for slugs that share the suffixed slug's stem, e.g. {@code couples-therapy-%}. */
	private static String likePrefix(String suffixed) {
		String stem = suffixed.substring(0, suffixed.lastIndexOf('-') + 1);
		return stem.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

}
