package org.mutuality.content.feed;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads published articles, newest first, for syndication.
 */
@Repository
class PublishedArticles {

	private final JdbcClient jdbc;

	PublishedArticles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The newest published articles, with their bodies. */
	List<PublishedArticle> latest(int limit) {
		return query("a.body_html", limit);
	}

	/** Every published article, without its body. */
	List<PublishedArticle> all(int limit) {
		return query("null", limit);
	}

	private List<PublishedArticle> query(String bodyColumn, int limit) {
		return this.jdbc.sql("select a.id, a.slug, a.title, a.summary, " + bodyColumn + """
				 as body_html, a.author_name, a.published_at, a.updated_at,
				    array(select t.topic_slug from article_topics t where t.article_id = a.id order by t.topic_slug) as topics
				from articles a
				where a.status = 'PUBLISHED'
				order by a.published_at desc, a.id desc
				limit ?""")
			.param(limit)
			.query((rs, row) -> new PublishedArticle(rs.getObject("id", UUID.class), rs.getString("slug"),
					rs.getString("title"), rs.getString("summary"), rs.getString("body_html"),
					rs.getString("author_name"), Arrays.asList((String[]) rs.getArray("topics").getArray()),
					rs.getTimestamp("published_at").toInstant(), rs.getTimestamp("updated_at").toInstant()))
			.list();
	}

}
