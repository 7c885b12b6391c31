package org.mutuality.content.publishing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.Test;
import org.mutuality.content.support.ContentIntegrationTest;
import org.mutuality.platform.test.security.DemoAccount;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ScheduledPublishingIntegrationTests extends ContentIntegrationTest {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private DueArticles dueArticles;

	@Test
	void publishesAScheduledArticleOnTimeWithNoTraffic() {
		JsonNode article = create(DemoAccount.THERAPIST1, article("On time", "body"));
		Instant at = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
		MvcTestResult scheduled = jsonBody(
				as(DemoAccount.ADMIN1, this.mvc.post().uri("/api/articles/{id}/publish", article.get("id").asString())),
				Map.of("publishAt", at.toString())).exchange();
		assertThat(scheduled).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("SCHEDULED");

		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> status("on-time").equals("PUBLISHED"));
		Instant publishedAt = this.jdbc.sql("select published_at from articles where slug = 'on-time'")
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
		assertThat(publishedAt).isEqualTo(at);
		assertThat(Instant.now()).isAfterOrEqualTo(at);
		assertThat(this.mvc.get().uri("/api/articles/on-time")).hasStatusOk();
		assertThat(this.jdbc.sql("select count(*) from shedlock where name = ?")
			.param(ScheduledPublishing.LOCK_NAME)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void publishesEachDueArticleExactlyOnceAcrossInstances() throws Exception {
		int articles = 40;
		for (int i = 0; i < articles; i++) {
			UUID id = UUID.randomUUID();
			this.jdbc.sql("""
					insert into articles (id, slug, title, summary, body_markdown, body_html, body_text, reading_minutes,
					    status, author_id, author_name, publish_at, created_at, updated_at, version)
					values (?, ?, 'Due', 'Due', 'Due', '<p>Due</p>', 'Due', 1, 'SCHEDULED', ?, 'Maya Okafor',
					    now() + interval '300 milliseconds', now(), now(), 0)""")
				.params(id, "due-" + i, UUID.fromString(DemoAccount.THERAPIST1.id()))
				.update();
		}
		// four "instances", each with its own lock provider over the same database, running the job in a loop
		int instances = 4;
		ExecutorService pool = Executors.newFixedThreadPool(instances);
		CountDownLatch start = new CountDownLatch(1);
		List<UUID> publishedByInstances = Collections.synchronizedList(new ArrayList<>());
		List<Future<?>> runs = new ArrayList<>();
		for (int n = 0; n < instances; n++) {
			LockingTaskExecutor executor = new DefaultLockingTaskExecutor(
					new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
						.withJdbcTemplate(new JdbcTemplate(this.dataSource))
						.usingDbTime()
						.build()));
			runs.add(pool.submit(() -> {
				start.await();
				long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
				while (System.nanoTime() < until) {
					executor.executeWithLock((Runnable) () -> publishedByInstances.addAll(this.dueArticles.publish()),
							new LockConfiguration(Instant.now(), ScheduledPublishing.LOCK_NAME, Duration.ofMinutes(1),
									Duration.ZERO));
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> run : runs) {
			run.get(30, TimeUnit.SECONDS);
		}
		pool.shutdown();

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("select count(*) from articles where status = 'PUBLISHED'")
				.query(Long.class)
				.single() == articles);
		// each article was updated by exactly one run: its version went from 0 to 1, and no id came back twice
		assertThat(this.jdbc.sql("select distinct version from articles").query(Long.class).list()).containsExactly(1L);
		assertThat(publishedByInstances).doesNotHaveDuplicates();
	}

	private String status(String slug) {
		return this.jdbc.sql("select status from articles where slug = ?").param(slug).query(String.class).single();
	}

}
