package org.mutuality.content.articles;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mutuality.content.markdown.MarkdownRenderer;
import org.mutuality.content.markdown.RenderedMarkdown;
import org.mutuality.platform.test.benchmark.Latencies;
import org.mutuality.platform.test.benchmark.ServiceTime;
import org.mutuality.platform.test.infra.PostgresDatabase;
import org.mutuality.platform.test.security.TestIdentityProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read bar of issue 3: with 10,000 published articles, a public list page and a search query each under 20 ms
 * p99 at the service. Not part of the default build (tag {@code benchmark}); run it with
 * {@code ./mvnw -o -pl content-service test -Pbenchmark} and write the numbers it prints into BENCHMARKS.md. It
 * asserts nothing about time: only that the answers are right.
 */
@Tag("benchmark")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "mutuality.content.publishing.enabled=false", "logging.level.org.mutuality=WARN" })
@PostgresDatabase("content")
class ArticleReadsBenchmarkIntegrationTests {

	static final int ARTICLES = 10_000;

	/** Requests before measuring each scenario: enough for the JIT to compile its path (C2). */
	static final int WARMUP = 1_500;

	static final int MEASURED = 2_000;

	private static final String[] TOPICS = { "mutual-relationships", "couples-therapy", "anxiety", "depression",
			"communication", "self-care", "starting-therapy" };

	/** Queries people type: common, rarer, several words, a phrase, a word that matches nothing. */
	private static final String[] QUERIES = { "anxiety", "relationship", "couples therapy", "worry sleep",
			"boundaries", "repair after argument", "\"first session\"", "mutual care", "low mood", "listening",
			"panic", "grief", "partner trust", "zebra" };

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Autowired
	private MarkdownRenderer renderer;

	@Autowired
	private ServiceTime serviceTime;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestIdentityProvider.shared()::issuerUri);
	}

	@BeforeAll
	void tenThousandPublishedArticles() {
		long started = System.nanoTime();
		Random random = new Random(42);
		List<String> vocabulary = vocabulary();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		List<Object[]> rows = new ArrayList<>();
		List<Object[]> topicRows = new ArrayList<>();
		List<Object[]> passageRows = new ArrayList<>();
		for (int i = 0; i < ARTICLES; i++) {
			UUID id = UUID.randomUUID();
			String title = sentence(random, vocabulary, 4 + random.nextInt(6));
			String summary = sentence(random, vocabulary, 20 + random.nextInt(20));
			StringBuilder markdown = new StringBuilder();
			int paragraphs = 4 + random.nextInt(6);
			for (int p = 0; p < paragraphs; p++) {
				if (p == 2) {
					markdown.append("## ").append(sentence(random, vocabulary, 4)).append("\n\n");
				}
				markdown.append(sentence(random, vocabulary, 40 + random.nextInt(60))).append("\n\n");
			}
			RenderedMarkdown body = this.renderer.render(markdown.toString());
			Timestamp publishedAt = Timestamp.from(now.minusSeconds(random.nextInt(3 * 365 * 24 * 3600)));
			rows.add(new Object[] { id, "article-" + i, title, summary, markdown.toString(), body.html(), body.text(),
					body.readingMinutes(), UUID.randomUUID(), "Author " + (i % 25), publishedAt, publishedAt,
					publishedAt });
			List<String> passages = ArticlePassages.split(body.text());
			for (int p = 0; p < passages.size(); p++) {
				passageRows.add(new Object[] { id, p + 1, passages.get(p) });
			}
			Set<String> topics = new LinkedHashSet<>();
			topics.add(TOPICS[random.nextInt(TOPICS.length)]);
			topics.add(TOPICS[random.nextInt(TOPICS.length)]);
			topics.forEach((topic) -> topicRows.add(new Object[] { id, topic }));
		}
		this.jdbcTemplate.batchUpdate("""
				insert into articles (id, slug, title, summary, body_markdown, body_html, body_text, reading_minutes,
				    status, author_id, author_name, published_at, created_at, updated_at, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, 'PUBLISHED', ?, ?, ?, ?, ?, 0)""", rows);
		this.jdbcTemplate.batchUpdate("insert into article_topics (article_id, topic_slug) values (?, ?)", topicRows);
		this.jdbcTemplate.batchUpdate("insert into article_passages (article_id, number, text) values (?, ?, ?)",
				passageRows);
		this.jdbcTemplate.execute("insert into article_slugs (slug, article_id) select slug, id from articles");
		this.jdbcTemplate.execute("vacuum analyze");
		System.out.printf(Locale.ROOT, "%nSeeded %d published articles in %.1f s%n", ARTICLES,
				(System.nanoTime() - started) / 1e9);
	}

	@Test
	void publicListPage() throws Exception {
		Random random = new Random(1);
		run("list, newest first, random page of 20", (i) -> "/api/articles?page=" + random.nextInt(50));
	}

	@Test
	void publicListFirstPage() throws Exception {
		run("list, first page of 20", (i) -> "/api/articles");
	}

	@Test
	void publicListByTopic() throws Exception {
		Random random = new Random(2);
		run("list, topic filter, random page of 20",
				(i) -> "/api/articles?topic=" + TOPICS[random.nextInt(TOPICS.length)] + "&page=" + random.nextInt(10));
	}

	@Test
	void search() throws Exception {
		Random random = new Random(3);
		run("search, random query, first page of 20",
				(i) -> searchPath(QUERIES[random.nextInt(QUERIES.length)]));
	}

	@Test
	void searchWithTopicAndPage() throws Exception {
		Random random = new Random(4);
		run("search, random query + topic, random page of 20",
				(i) -> searchPath(QUERIES[random.nextInt(QUERIES.length)]) + "&topic=" + TOPICS[random.nextInt(TOPICS.length)]
						+ "&page=" + random.nextInt(3));
	}

	/** Each query of the mix on its own, at the service: which of them make the mix's tail. */
	@Test
	void searchEachQuery() throws Exception {
		for (int i = 0; i < WARMUP; i++) {
			get(searchPath(QUERIES[i % QUERIES.length]));
		}
		System.out.printf(Locale.ROOT, "%nBENCHMARK search, each query on its own, %d requests each, at the service%n",
				MEASURED / 10);
		for (String query : QUERIES) {
			this.serviceTime.start();
			for (int i = 0; i < MEASURED / 10; i++) {
				get(searchPath(query));
			}
			System.out.printf(Locale.ROOT, "BENCHMARK   %-24s %s%n", query, line(Latencies.of(this.serviceTime.stop())));
		}
	}

	private static String searchPath(String query) {
		return "/api/articles?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
	}

	@Test
	void article() throws Exception {
		Random random = new Random(5);
		run("one article by slug", (i) -> "/api/articles/article-" + random.nextInt(ARTICLES));
	}

	@Test
	void explainsTheQueries() {
		explain("list", "select a.id from articles a where a.status = 'PUBLISHED' order by a.published_at desc, a.id desc limit 20 offset 400");
		explain("count", "select count(*) from articles a where a.status = 'PUBLISHED'");
		for (String query : List.of("anxiety", "relationship")) {
			explain("search " + query, "select a.id, a.rank, count(*) over () as total from (select a.id, a.published_at,"
					+ " ts_rank(a.search_head, websearch_to_tsquery('english', '" + query + "')) as rank from article_search a"
					+ " where a.status = 'PUBLISHED' and a.search @@ websearch_to_tsquery('english', '" + query + "')"
					+ " offset 0) a order by a.rank desc, a.published_at desc, a.id desc limit 20");
		}
		explain("snippets", "select a.id, coalesce((select ts_headline('english', p.text, q.query) from article_passages p"
				+ " where p.article_id = a.id and p.search @@ q.query order by p.number limit 1),"
				+ " ts_headline('english', a.summary, q.query)) from articles a, websearch_to_tsquery('english', 'anxiety') q(query)"
				+ " where a.id in (select id from article_search where search @@ websearch_to_tsquery('english', 'anxiety') limit 20)");
	}

	/** The plan as the service runs it: search turns sequential scans off for its transaction. */
	private void explain(String name, String sql) {
		List<String> plan = this.transactions.execute((status) -> {
			this.jdbc.sql("set local enable_seqscan = off").update();
			return this.jdbc.sql("explain (analyze, buffers, costs off) " + sql).query(String.class).list();
		});
		System.out.println("\nEXPLAIN " + name + ":\n  " + String.join("\n  ", plan));
	}

	private void run(String name, IntFunction<String> paths) throws Exception {
		for (int i = 0; i < WARMUP; i++) {
			get(paths.apply(i));
		}
		long[] nanos = new long[MEASURED];
		this.serviceTime.start();
		long started = System.nanoTime();
		for (int i = 0; i < MEASURED; i++) {
			String path = paths.apply(i);
			long start = System.nanoTime();
			get(path);
			nanos[i] = System.nanoTime() - start;
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		Latencies atTheService = Latencies.of(this.serviceTime.stop());
		Latencies overHttp = Latencies.of(nanos);
		System.out.printf(Locale.ROOT, "%nBENCHMARK %-45s %s  %.0f req/s%n", name, line(overHttp), MEASURED / seconds);
		System.out.printf(Locale.ROOT, "BENCHMARK %-45s %s%n", "  at the service", line(atTheService));
	}

	private static String line(Latencies latencies) {
		return String.format(Locale.ROOT, "n=%d  p50=%.2f ms  p90=%.2f ms  p99=%.2f ms  max=%.2f ms", latencies.count(),
				latencies.percentile(0.50), latencies.percentile(0.90), latencies.percentile(0.99), latencies.max());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		/** Each measured read's time at the service. */
		@Bean
		ServiceTime readsAtTheService() {
			return new ServiceTime((request) -> "GET".equals(request.getMethod()));
		}

	}

	private void get(String path) throws Exception {
		HttpResponse<byte[]> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
	}

	/** The words of the demo articles, and some rarer ones, repeated so that common words are common. */
	private static List<String> vocabulary() {
		List<String> words = new ArrayList<>();
		for (DemoArticles.DemoArticle article : DemoArticles.read()) {
			for (String word : (article.request().title() + " " + article.request().bodyMarkdown()).split("[^\\p{L}']+")) {
				if (word.length() > 1) {
					words.add(word.toLowerCase(Locale.ROOT));
				}
			}
		}
		Random random = new Random(7);
		for (int i = 0; i < 3000; i++) {
			StringBuilder word = new StringBuilder();
			int length = 4 + random.nextInt(7);
			for (int c = 0; c < length; c++) {
				word.append((char) ('a' + random.nextInt(26)));
			}
			words.add(word.toString());
		}
		words.addAll(List.of("grief", "panic", "trust", "partner", "zebra".repeat(0)));
		words.removeIf(String::isEmpty);
		return words;
	}

	private static String sentence(Random random, List<String> vocabulary, int words) {
		StringBuilder sentence = new StringBuilder();
		for (int i = 0; i < words; i++) {
			if (i > 0) {
				sentence.append(' ');
			}
			sentence.append(vocabulary.get(random.nextInt(vocabulary.size())));
		}
		sentence.setCharAt(0, Character.toUpperCase(sentence.charAt(0)));
		return sentence.append('.').toString();
	}

}
