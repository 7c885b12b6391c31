package org.mutuality.content.articles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mutuality.platform.security.CurrentUser;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo articles ({@code classpath:demo/articles/*.md}) into an empty database when
 * {@code mutuality.demo-data=true} (the dev stack sets {@code MUTUALITY_DEMO_DATA=true}). Each file has a small
 * front matter (title, topics, author, call to action, status and when) and a Markdown body; the articles go
 * through the same service as the API's, so slugs, HTML and summaries are made the same way. Instances that start
 * together take a PostgreSQL advisory lock, so only one of them loads.
 */
@Component
@ConditionalOnBooleanProperty("mutuality.demo-data")
class DemoArticles implements ApplicationRunner {

	static final String LOCATION = "classpath:demo/articles/*.md";

	private static final Log log = LogFactory.getLog(DemoArticles.class);

	/** The advisory lock key of the demo loader: "demo" in ASCII. */
	private static final long LOCK_KEY = 0x64656d6fL;

	private static final Map<String, CurrentUser> AUTHORS = Map.of("therapist1",
			new CurrentUser(UUID.fromString("6a9d2b7e-3f14-4e2a-b8c5-1d0f7e2a1001"), "therapist1",
					"therapist1@mutuality.test", "Maya Okafor", Set.of(CurrentUser.THERAPIST)),
			"therapist2", new CurrentUser(UUID.fromString("6a9d2b7e-3f14-4e2a-b8c5-1d0f7e2a1002"), "therapist2",
					"therapist2@mutuality.test", "Daniel Brooks", Set.of(CurrentUser.THERAPIST)));

	private final ArticleService service;

	private final ArticleRepository articles;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DemoArticles(ArticleService service, ArticleRepository articles, JdbcClient jdbc, TransactionTemplate transactions,
			Clock clock) {
		this.service = service;
		this.articles = articles;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		Integer loaded = this.transactions.execute((status) -> loadIfEmpty());
		if (loaded != null && loaded > 0) {
			log.info("Loaded " + loaded + " demo articles");
		}
	}

	/** Loads the demo articles unless there are articles already; answers how many it loaded. */
	int loadIfEmpty() {
		this.jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK_KEY).query().singleRow();
		if (this.articles.count() > 0) {
			return 0;
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MINUTES);
		List<DemoArticle> demo = read();
		for (DemoArticle article : demo) {
			load(article, now);
		}
		return demo.size();
	}

	private void load(DemoArticle demo, Instant now) {
		ArticleResponse created = this.service.create(demo.request(), AUTHORS.get(demo.author()));
		Article article = this.articles.findById(created.id()).orElseThrow();
		switch (demo.status()) {
			case PUBLISHED -> article.publish(now.minus(Duration.ofDays(demo.days())).plus(Duration.ofHours(9)));
			case SCHEDULED -> article.schedule(now.plus(Duration.ofDays(demo.days())), now);
			case DRAFT -> {
			}
			default -> throw new IllegalStateException("Demo articles are published, scheduled or drafts");
		}
		this.articles.flush();
	}

	static List<DemoArticle> read() {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
			return Arrays.stream(resources)
				.sorted(Comparator.comparing(Resource::getFilename))
				.map(DemoArticles::parse)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static DemoArticle parse(Resource resource) {
		String text;
		try {
			text = resource.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String[] parts = text.split("(?m)^---\\s*$", 3);
		if (parts.length < 3) {
			throw new IllegalStateException(resource.getFilename() + " has no front matter");
		}
		Map<String, String> front = new LinkedHashMap<>();
		parts[1].lines().filter((line) -> line.contains(":")).forEach((line) -> {
			int colon = line.indexOf(':');
			String value = line.substring(colon + 1).strip();
			if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
				value = value.substring(1, value.length() - 1);
			}
			front.put(line.substring(0, colon).strip(), value);
		});
		String cta = front.getOrDefault("cta", "none");
		ArticleRequest.CallToActionRequest callToAction = switch (cta) {
			case "none" -> null;
			case "booking" -> new ArticleRequest.CallToActionRequest(CallToAction.Kind.BOOKING, null);
			default -> new ArticleRequest.CallToActionRequest(CallToAction.Kind.ASSESSMENT, cta);
		};
		List<String> topics = Arrays.stream(front.getOrDefault("topics", "").split(","))
			.map(String::strip)
			.filter((topic) -> !topic.isEmpty())
			.toList();
		ArticleStatus status = ArticleStatus.valueOf(front.getOrDefault("status", "DRAFT"));
		int days = Integer.parseInt(front.getOrDefault((status == ArticleStatus.SCHEDULED) ? "scheduled" : "published", "0"));
		return new DemoArticle(new ArticleRequest(front.get("title"), front.get("summary"), parts[2].strip() + "\n",
				topics, front.get("slug"), callToAction), front.get("author"), status, days);
	}

	/** One demo article: its content, author, status and how many days ago (published) or ahead (scheduled). */
	record DemoArticle(ArticleRequest request, String author, ArticleStatus status, int days) {

	}

}
