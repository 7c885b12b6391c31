package org.mutuality.content.publishing;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * The job that publishes due articles every {@code mutuality.content.publishing.interval}, under a ShedLock lock
 * in the database, so that one instance at a time runs it.
 */
class ScheduledPublishing {

	static final String LOCK_NAME = "publish-due-articles";

	private static final Log log = LogFactory.getLog(ScheduledPublishing.class);

	private final DueArticles dueArticles;

	private final AtomicLong published = new AtomicLong();

	ScheduledPublishing(DueArticles dueArticles) {
		this.dueArticles = dueArticles;
	}

	@Scheduled(fixedDelayString = "${mutuality.content.publishing.interval:5s}",
			initialDelayString = "${mutuality.content.publishing.interval:5s}")
	@SchedulerLock(name = LOCK_NAME, lockAtMostFor = "${mutuality.content.publishing.lock-at-most-for:1m}")
	public void publishDueArticles() {
		List<UUID> ids = this.dueArticles.publish();
		if (log.isDebugEnabled()) {
			log.debug("Looked for due articles: " + ids.size() + " published");
		}
		if (!ids.isEmpty()) {
			this.published.addAndGet(ids.size());
			log.info("Published " + ids.size() + " scheduled article(s): " + ids);
		}
	}

	/** How many articles this instance has published since it started. */
	public long published() {
		return this.published.get();
	}

}
