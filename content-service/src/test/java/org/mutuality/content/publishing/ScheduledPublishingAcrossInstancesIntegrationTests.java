package org.mutuality.content.publishing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mutuality.content.ContentServiceApplication;
import org.mutuality.platform.test.infra.Infrastructure;
import org.mutuality.platform.test.infra.postgres.Database;
import org.mutuality.platform.test.security.DemoAccount;
import org.mutuality.platform.test.security.TestIdentityProvider;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scheduled publishing with two instances of the application, as two replicas run it: two Spring Boot applications
 * in this JVM, each on its own port with its own scheduler, connection pool and ShedLock lock provider, sharing one
 * PostgreSQL database. With both jobs running and no requests, each scheduled article goes live once, on time.
 */
class ScheduledPublishingAcrossInstancesIntegrationTests {

	private static final Log log = LogFactory.getLog(ScheduledPublishingAcrossInstancesIntegrationTests.class);

	private static final Duration INTERVAL = Duration.ofMillis(500);

	/** Room for the scheduler threads of a shared 2-core machine: how late past one interval still counts. */
	private static final Duration SCHEDULING_JITTER = Duration.ofSeconds(1);

	private static final int ARTICLES = 10;

	private static final TestIdentityProvider IDP = TestIdentityProvider.shared();

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@AfterEach
	void stopInstances() {
		this.instances.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void twoInstancesPublishEachScheduledArticleExactlyOnceAndOnTime() {
		Database database = Infrastructure.postgres().createDatabase("content");
		ConfigurableApplicationContext first = start(database, "first");
		ConfigurableApplicationContext second = start(database, "second");
		assertThat(publishingJobs(first)).hasSize(1);
		assertThat(publishingJobs(second)).hasSize(1);
		List<RestClient> apis = List.of(api(first), api(second));
		JdbcClient jdbc = first.getBean(JdbcClient.class);

		// drafts first, then the schedule: the articles go live 4 to 6 seconds from now, one every 200 ms
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < ARTICLES; i++) {
			JsonNode draft = apis.get(i % 2)
				.post()
				.uri("/api/articles")
				.header(HttpHeaders.AUTHORIZATION, bearer(DemoAccount.THERAPIST1))
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("title", "Goes live " + i, "bodyMarkdown", "Body " + i, "topics", List.of()))
				.retrieve()
				.body(JsonNode.class);
			ids.add(draft.get("id").asString());
		}
		Instant firstDue = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
		Map<String, Instant> dueAt = new LinkedHashMap<>();
		Map<String, Long> scheduledVersion = new LinkedHashMap<>();
		for (int i = 0; i < ARTICLES; i++) {
			String id = ids.get(i);
			Instant at = firstDue.plusMillis(200L * i);
			JsonNode scheduled = apis.get((i + 1) % 2)
				.post()
				.uri("/api/articles/{id}/publish", id)
				.header(HttpHeaders.AUTHORIZATION, bearer(DemoAccount.ADMIN1))
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("publishAt", at.toString()))
				.retrieve()
				.body(JsonNode.class);
			assertThat(scheduled.get("status").asString()).isEqualTo("SCHEDULED");
			dueAt.put(id, at);
			scheduledVersion.put(id, scheduled.get("version").asLong());
		}
		assertThat(Instant.now()).as("scheduling took too long for the test's timing").isBefore(firstDue);
		long revisionsBefore = jdbc.sql("select count(*) from article_revisions").query(Long.class).single();

		// no requests from here on: only the two instances' jobs act
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> jdbc.sql("select count(*) from articles where status = 'PUBLISHED'")
				.query(Long.class)
				.single() == ARTICLES);

		List<Publication> publications = jdbc
			.sql("select id, status, published_at, updated_at, version from articles order by publish_at")
			.query((rs, row) -> new Publication(rs.getString("id"), rs.getString("status"),
					rs.getTimestamp("published_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
					rs.getLong("version")))
			.list();
		assertThat(publications).hasSize(ARTICLES);
		Duration latest = Duration.ZERO;
		for (Publication publication : publications) {
			Instant due = dueAt.get(publication.id());
			assertThat(publication.status()).isEqualTo("PUBLISHED");
			assertThat(publication.publishedAt()).as("published_at of %s", publication.id()).isEqualTo(due);
			// one update by one run: scheduling left version n, publishing wrote n + 1, and nothing wrote again
			assertThat(publication.version()).as("version of %s", publication.id())
				.isEqualTo(scheduledVersion.get(publication.id()) + 1);
			// updated_at is the publishing transaction's start: never before the due time, at most an interval after
			Duration late = Duration.between(due, publication.wentLiveAt());
			assertThat(late).as("lateness of %s", publication.id())
				.isGreaterThanOrEqualTo(Duration.ZERO)
				.isLessThanOrEqualTo(INTERVAL.plus(SCHEDULING_JITTER));
			latest = (late.compareTo(latest) > 0) ? late : latest;
		}
		// publishing is no edit: it keeps no revision
		assertThat(jdbc.sql("select count(*) from article_revisions").query(Long.class).single())
			.isEqualTo(revisionsBefore);
		// every published id was returned to exactly one run on one instance
		long byFirst = first.getBean(ScheduledPublishing.class).published();
		long bySecond = second.getBean(ScheduledPublishing.class).published();
		assertThat(byFirst + bySecond).isEqualTo(ARTICLES);
		// one lock, shared by both instances
		assertThat(jdbc.sql("select count(*) from shedlock").query(Long.class).single()).isOne();
		log.info("Two instances published " + ARTICLES + " articles (" + byFirst + " by the first, " + bySecond
				+ " by the second), at most " + latest.toMillis() + " ms after their time");
	}

	/** Starts an instance; its scheduler threads carry its name in the log. */
	private ConfigurableApplicationContext start(Database database, String name) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ContentServiceApplication.class).run(
				"--server.port=0", "--spring.datasource.url=" + database.jdbcUrl(),
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(),
				"--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + IDP.issuerUri(),
				"--mutuality.content.publishing.interval=" + INTERVAL.toMillis() + "ms",
				"--spring.task.scheduling.thread-name-prefix=" + name + "-scheduling-", "--spring.main.banner-mode=off");
		this.instances.add(context);
		return context;
	}

	private static RestClient api(ConfigurableApplicationContext context) {
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		return RestClient.create("http://localhost:" + port);
	}

	/** The instance's scheduled runs of the publishing job. */
	private static List<ScheduledTask> publishingJobs(ConfigurableApplicationContext context) {
		return context.getBeansOfType(ScheduledTaskHolder.class)
			.values()
			.stream()
			.flatMap((holder) -> holder.getScheduledTasks().stream())
			.filter((task) -> task.toString().contains("publishDueArticles"))
			.toList();
	}

	private static String bearer(DemoAccount account) {
		return "Bearer " + IDP.tokenFor(account);
	}

	/** An article's row after publication; {@code updated_at} is when the publishing transaction began. */
	private record Publication(String id, String status, Instant publishedAt, Instant wentLiveAt, long version) {
	}

}
