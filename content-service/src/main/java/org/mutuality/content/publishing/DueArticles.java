package org.mutuality.content.publishing;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes the scheduled articles whose time has come, by the database's clock, in one statement. The statement
 * is its own guard: an article is published only while it is still {@code SCHEDULED}, so even two runs that
 * overlapped could not publish one article twice; the job's lock keeps them from overlapping at all.
 */
@Repository
class DueArticles {

	private final JdbcClient jdbc;

	DueArticles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Publishes every due article at its scheduled time; answers the ids of those it published. */
	@Transactional
	List<UUID> publish() {
		return this.jdbc.sql("""
				update articles
				set status = 'PUBLISHED', published_at = publish_at, updated_at = now(), version = version + 1
				where status = 'SCHEDULED' and publish_at <= now()
				returning id""")
			.query(UUID.class)
			.list();
	}

}
