package org.mutuality.content.topics;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The topics articles can be filed under. The list is curated (seeded by migrations), not created by authors.
 */
@Repository
@Transactional(readOnly = true)
public class Topics {

	private final JdbcClient jdbc;

	Topics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every topic with the number of published articles filed under it, by name. */
	List<TopicResponse> withPublishedCounts() {
		return this.jdbc.sql("""
				select t.slug, t.name, count(a.id) as article_count
				from topics t
				left join article_topics at on at.topic_slug = t.slug
				left join articles a on a.id = at.article_id and a.status = 'PUBLISHED'
				group by t.slug, t.name
				order by t.name""")
			.query((rs, row) -> new TopicResponse(rs.getString("slug"), rs.getString("name"), rs.getLong("article_count")))
			.list();
	}

	/** Those of the given slugs that are not topics. */
	public Set<String> unknown(Collection<String> slugs) {
		Set<String> unknown = new LinkedHashSet<>(slugs);
		if (!unknown.isEmpty()) {
			unknown.removeAll(this.jdbc.sql("select slug from topics where slug in (:slugs)")
				.param("slugs", unknown)
				.query(String.class)
				.list());
		}
		return unknown;
	}

	public boolean exists(String slug) {
		return unknown(List.of(slug)).isEmpty();
	}

}
