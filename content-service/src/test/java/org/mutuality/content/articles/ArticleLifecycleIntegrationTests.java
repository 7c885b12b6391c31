package org.mutuality.content.articles;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.mutuality.content.support.ContentIntegrationTest;
import org.mutuality.platform.test.security.DemoAccount;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleLifecycleIntegrationTests extends ContentIntegrationTest {

	@Autowired
	private DataSource dataSource;

	private static final String BODY = """
			Being *heard* matters.

			| Pattern | Feels like |
			|---------|------------|
			| mutual  | a dialogue |

			<script>alert(1)</script><a href="javascript:alert(1)" onclick="x()">link</a>
			""";

	@Test
	void therapistCreatesADraftWithDerivedSlugSummaryAndReadingTime() {
		MvcTestResult result = jsonBody(as(DemoAccount.THERAPIST1, this.mvc.post().uri("/api/articles")),
				article("Crème de la Crème: Être Écouté", BODY, "communication", "anxiety")).exchange();

		assertThat(result).hasStatus(HttpStatus.CREATED)
			.hasHeader(HttpHeaders.LOCATION, "/api/articles/creme-de-la-creme-etre-ecoute");
		assertThat(result.getResponse().getHeader(HttpHeaders.ETAG)).isNotBlank();
		JsonNode article = read(result);
		assertThat(article.get("status").asString()).isEqualTo("DRAFT");
		assertThat(article.get("slug").asString()).isEqualTo("creme-de-la-creme-etre-ecoute");
		assertThat(article.get("summary").asString()).isEqualTo("Being heard matters.");
		assertThat(article.get("readingMinutes").asInt()).isEqualTo(1);
		assertThat(article.get("author").get("id").asString()).isEqualTo(DemoAccount.THERAPIST1.id());
		assertThat(article.get("author").get("name").asString()).isEqualTo("Maya Okafor");
		assertThat(article.get("topics").toString()).isEqualTo("[\"anxiety\",\"communication\"]");
		assertThat(article.get("callToAction").get("kind").asString()).isEqualTo("NONE");
		assertThat(article.get("publishedAt").isNull()).isTrue();
		assertThat(article.get("version").asLong()).isZero();
		String html = article.get("bodyHtml").asString();
		assertThat(html).contains("<em>heard</em>", "<table>", "<td>mutual</td>")
			.doesNotContain("<script", "javascript:", "onclick");
	}

	@Test
	void keepsAGivenSummaryAndCallToAction() {
		JsonNode article = create(DemoAccount.THERAPIST2, Map.of("title", "On worry", "summary", "A short note.",
				"bodyMarkdown", "Worry is old.", "callToAction", Map.of("kind", "ASSESSMENT", "assessmentId", "gad-7")));
		assertThat(article.get("summary").asString()).isEqualTo("A short note.");
		assertThat(article.get("callToAction").get("kind").asString()).isEqualTo("ASSESSMENT");
		assertThat(article.get("callToAction").get("assessmentId").asString()).isEqualTo("gad-7");
		assertThat(article.get("author").get("name").asString()).isEqualTo("Daniel Brooks");
	}

	@Test
	void suffixesDerivedSlugsOnCollision() {
		assertThat(create(DemoAccount.THERAPIST1, article("Same title", "a")).get("slug").asString())
			.isEqualTo("same-title");
		assertThat(create(DemoAccount.THERAPIST1, article("Same Title!", "b")).get("slug").asString())
			.isEqualTo("same-title-2");
		assertThat(create(DemoAccount.THERAPIST2, article("same  title", "c")).get("slug").asString())
			.isEqualTo("same-title-3");
	}

	@Test
	void givesConcurrentArticlesWithOneTitleDistinctSlugs() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<String>> slugs = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				slugs.add(pool.submit(() -> create(DemoAccount.THERAPIST1, article("Race", "body")).get("slug").asString()));
			}
			List<String> answered = new ArrayList<>();
			for (Future<String> slug : slugs) {
				answered.add(slug.get(30, TimeUnit.SECONDS));
			}
			assertThat(answered).containsExactlyInAnyOrder("race", "race-2", "race-3", "race-4");
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void derivesPastASuffixedSlugThatAnotherRequestIsClaimingExplicitly() throws Exception {
		create(DemoAccount.THERAPIST1, article("Claimed", "a"));
		// a request creating an article with the explicit slug 'claimed-2' holds its lock and has not committed
		try (Connection claiming = this.dataSource.getConnection()) {
			claiming.setAutoCommit(false);
			try (PreparedStatement lock = claiming.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
				lock.setString(1, "claimed-2");
				lock.execute();
			}
			assertThat(create(DemoAccount.THERAPIST2, article("Claimed", "b")).get("slug").asString())
				.isEqualTo("claimed-3");
			claiming.rollback();
		}
		MvcTestResult explicit = jsonBody(as(DemoAccount.THERAPIST1, this.mvc.post().uri("/api/articles")),
				Map.of("title", "Claimed", "bodyMarkdown", "c", "slug", "claimed-2")).exchange();
		assertThat(explicit).hasStatus(HttpStatus.CREATED);
	}

	@Test
	void refusesATakenExplicitSlugWith409() {
		create(DemoAccount.THERAPIST1, article("Taken", "a"));
		MvcTestResult result = jsonBody(as(DemoAccount.THERAPIST2, this.mvc.post().uri("/api/articles")),
				Map.of("title", "Other", "bodyMarkdown", "b", "slug", "taken")).exchange();
		assertThat(result).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(read(result).get("type").asString()).endsWith("/problems/slug-taken");
	}

	@Test
	void formerSlugRedirectsPermanentlyToTheCurrentOne() {
		JsonNode article = create(DemoAccount.ADMIN1, article("First name", "body"));
		publish(article);
		JsonNode renamed = update(DemoAccount.ADMIN1, article, Map.of("title", "First name", "bodyMarkdown", "body",
				"slug", "second-name"));
		assertThat(renamed.get("slug").asString()).isEqualTo("second-name");

		assertThat(this.mvc.get().uri("/api/articles/first-name")).hasStatus(HttpStatus.MOVED_PERMANENTLY)
			.hasHeader(HttpHeaders.LOCATION, "/api/articles/second-name");
		assertThat(this.mvc.get().uri("/api/articles/second-name")).hasStatusOk();
		// the former slug stays the article's: nobody else may take it
		MvcTestResult taken = jsonBody(as(DemoAccount.THERAPIST1, this.mvc.post().uri("/api/articles")),
				Map.of("title", "x", "bodyMarkdown", "y", "slug", "first-name")).exchange();
		assertThat(taken).hasStatus(HttpStatus.CONFLICT);
		assertThat(create(DemoAccount.THERAPIST1, article("First name", "z")).get("slug").asString())
			.isEqualTo("first-name-2");
	}

	@Test
	void keepsTheSlugWhenAReplacementGivesNone() {
		JsonNode article = create(DemoAccount.THERAPIST1, article("Original title", "body"));
		JsonNode updated = update(DemoAccount.THERAPIST1, article, article("A new title", "new body"));
		assertThat(updated.get("slug").asString()).isEqualTo("original-title");
		assertThat(updated.get("title").asString()).isEqualTo("A new title");
	}

	@Test
	void walksTheLifecycleAndRefusesIllegalTransitionsWith409() {
		JsonNode article = create(DemoAccount.THERAPIST1, article("Lifecycle", "body"));
		String id = article.get("id").asString();
		assertThat(archive(id)).hasStatus(HttpStatus.CONFLICT);

		JsonNode published = publish(article);
		assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(published.get("publishedAt").isNull()).isFalse();
		assertThat(this.mvc.get().uri("/api/articles/lifecycle")).hasStatusOk();
		MvcTestResult again = publish(id, null);
		assertThat(again).hasStatus(HttpStatus.CONFLICT);
		assertThat(read(again).get("type").asString()).endsWith("/problems/invalid-transition");

		assertThat(archive(id)).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("ARCHIVED");
		assertThat(this.mvc.get().uri("/api/articles/lifecycle")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(as(DemoAccount.ADMIN1, this.mvc.get().uri("/api/articles/lifecycle"))).hasStatusOk();
		assertThat(as(DemoAccount.THERAPIST1, this.mvc.get().uri("/api/articles/lifecycle"))).hasStatusOk();
		assertThat(this.mvc.get().uri("/api/articles")).bodyJson().extractingPath("$.totalItems").isEqualTo(0);
		assertThat(archive(id)).hasStatus(HttpStatus.CONFLICT);
		assertThat(publish(id, null)).hasStatus(HttpStatus.CONFLICT);
	}

	@Test
	void schedulesForAFutureTimeAndRefusesAPastOne() {
		JsonNode article = create(DemoAccount.THERAPIST1, article("Later", "body"));
		String id = article.get("id").asString();
		Instant at = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		MvcTestResult scheduled = publish(id, at);
		assertThat(scheduled).hasStatusOk();
		assertThat(read(scheduled).get("status").asString()).isEqualTo("SCHEDULED");
		assertThat(read(scheduled).get("publishAt").asString()).isEqualTo(at.toString());
		assertThat(this.mvc.get().uri("/api/articles/later")).hasStatus(HttpStatus.NOT_FOUND);
		// rescheduling and publishing a scheduled article at once are allowed
		assertThat(publish(id, at.plusSeconds(60))).hasStatusOk();
		assertThat(publish(id, null)).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("PUBLISHED");

		JsonNode other = create(DemoAccount.THERAPIST1, article("Past", "body"));
		MvcTestResult past = publish(other.get("id").asString(), Instant.now().minusSeconds(60));
		assertThat(past).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(read(past).get("errors").get(0).get("field").asString()).isEqualTo("publishAt");
	}

	@Test
	void answersNotModifiedForAMatchingETagAndSetsCacheControl() {
		JsonNode article = published("Cached", "body");
		MvcTestResult first = this.mvc.get().uri("/api/articles/cached").exchange();
		String etag = first.getResponse().getHeader(HttpHeaders.ETAG);
		assertThat(etag).isNotBlank();
		assertThat(first.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("public").contains("max-age=60");

		assertThat(this.mvc.get().uri("/api/articles/cached").header(HttpHeaders.IF_NONE_MATCH, etag))
			.hasStatus(HttpStatus.NOT_MODIFIED);
		assertThat(this.mvc.get().uri("/api/articles/cached").header(HttpHeaders.IF_NONE_MATCH, "\"other\""))
			.hasStatusOk();

		update(DemoAccount.ADMIN1, article, article("Cached", "changed body"));
		assertThat(this.mvc.get().uri("/api/articles/cached").header(HttpHeaders.IF_NONE_MATCH, etag)).hasStatusOk();
	}

	@Test
	void keepsDraftsOutOfSharedCaches() {
		create(DemoAccount.THERAPIST1, article("Private draft", "body"));
		MvcTestResult result = as(DemoAccount.THERAPIST1, this.mvc.get().uri("/api/articles/private-draft")).exchange();
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("private").contains("no-cache");
	}

	@Test
	void refusesAStaleIfMatchWith412() {
		JsonNode article = create(DemoAccount.THERAPIST1, article("Concurrent", "body"));
		String etag = this.mvc.get().uri("/api/articles/concurrent")
			.header(HttpHeaders.AUTHORIZATION, bearer(DemoAccount.THERAPIST1))
			.exchange()
			.getResponse()
			.getHeader(HttpHeaders.ETAG);
		MvcTestResult first = jsonBody(as(DemoAccount.THERAPIST1,
				this.mvc.put().uri("/api/articles/{id}", article.get("id").asString()).header(HttpHeaders.IF_MATCH, etag)),
				article("Concurrent", "first edit")).exchange();
		assertThat(first).hasStatusOk();
		assertThat(first.getResponse().getHeader(HttpHeaders.ETAG)).isNotEqualTo(etag);

		MvcTestResult stale = jsonBody(as(DemoAccount.THERAPIST1,
				this.mvc.put().uri("/api/articles/{id}", article.get("id").asString()).header(HttpHeaders.IF_MATCH, etag)),
				article("Concurrent", "second edit")).exchange();
		assertThat(stale).hasStatus(HttpStatus.PRECONDITION_FAILED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.get().uri("/api/articles/concurrent")
			.header(HttpHeaders.AUTHORIZATION, bearer(DemoAccount.THERAPIST1))).bodyJson()
			.extractingPath("$.bodyMarkdown")
			.isEqualTo("first edit");
	}

	@Test
	void keepsRevisionsAndRestoresOne() {
		JsonNode article = create(DemoAccount.THERAPIST1,
				Map.of("title", "Version one", "bodyMarkdown", "one", "topics", List.of("anxiety")));
		update(DemoAccount.THERAPIST1, article, article("Version two", "two", "communication"));
		update(DemoAccount.ADMIN1, article, article("Version three", "three"));
		String id = article.get("id").asString();

		MvcTestResult revisions = as(DemoAccount.THERAPIST1, this.mvc.get().uri("/api/articles/{id}/revisions", id))
			.exchange();
		assertThat(revisions).hasStatusOk();
		JsonNode page = read(revisions);
		assertThat(page.get("totalItems").asInt()).isEqualTo(2);
		assertThat(page.get("items").get(0).get("number").asInt()).isEqualTo(2);
		assertThat(page.get("items").get(0).get("title").asString()).isEqualTo("Version two");
		assertThat(page.get("items").get(0).get("replacedBy").get("name").asString()).isEqualTo("Priya Shah");
		assertThat(page.get("items").get(1).get("title").asString()).isEqualTo("Version one");
		assertThat(page.get("items").get(1).get("topics").toString()).isEqualTo("[\"anxiety\"]");

		MvcTestResult restored = as(DemoAccount.ADMIN1,
				this.mvc.post().uri("/api/articles/{id}/revisions/{n}/restore", id, 1)).exchange();
		assertThat(restored).hasStatusOk();
		JsonNode current = read(restored);
		assertThat(current.get("title").asString()).isEqualTo("Version one");
		assertThat(current.get("bodyMarkdown").asString()).isEqualTo("one");
		assertThat(current.get("topics").toString()).isEqualTo("[\"anxiety\"]");
		assertThat(current.get("version").asLong()).isEqualTo(3);
		assertThat(as(DemoAccount.ADMIN1, this.mvc.get().uri("/api/articles/{id}/revisions", id))).bodyJson()
			.extractingPath("$.totalItems")
			.isEqualTo(3);
		assertThat(as(DemoAccount.ADMIN1, this.mvc.post().uri("/api/articles/{id}/revisions/{n}/restore", id, 9)))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void letsTherapistsEditOnlyTheirDrafts() {
		JsonNode article = published("Out already", "body");
		MvcTestResult result = jsonBody(
				as(DemoAccount.THERAPIST1, this.mvc.put().uri("/api/articles/{id}", article.get("id").asString())),
				article("Out already", "changed")).exchange();
		assertThat(result).hasStatus(HttpStatus.CONFLICT);
		assertThat(read(result).get("type").asString()).endsWith("/problems/not-a-draft");
		assertThat(update(DemoAccount.ADMIN1, article, article("Out already", "changed")).get("bodyMarkdown").asString())
			.isEqualTo("changed");
	}

	@Test
	void deletesAnArticle() {
		JsonNode article = published("Gone soon", "body");
		assertThat(as(DemoAccount.ADMIN1, this.mvc.delete().uri("/api/articles/{id}", article.get("id").asString())))
			.hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.mvc.get().uri("/api/articles/gone-soon")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(as(DemoAccount.ADMIN1, this.mvc.delete().uri("/api/articles/{id}", article.get("id").asString())))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void findsAnArticleByIdToo() {
		JsonNode article = published("By id", "body");
		assertThat(this.mvc.get().uri("/api/articles/{id}", article.get("id").asString())).hasStatusOk()
			.bodyJson()
			.extractingPath("$.slug")
			.isEqualTo("by-id");
	}

	@Test
	void rejectsInvalidArticlesWithFieldErrors() {
		assertErrors(Map.of("title", " ", "bodyMarkdown", "b"), "title");
		assertErrors(Map.of("title", "t", "bodyMarkdown", "b", "topics", List.of("anxiety", "astrology")), "topics[1]");
		assertErrors(Map.of("title", "t", "bodyMarkdown", "b", "slug", "Not A Slug"), "slug");
		assertErrors(Map.of("title", "t", "bodyMarkdown", "b", "callToAction", Map.of("kind", "ASSESSMENT")),
				"callToAction.assessmentId");
		assertErrors(Map.of("title", "t", "bodyMarkdown", "b", "callToAction", Map.of("kind", "PHONE")),
				"callToAction.kind");
		assertErrors(Map.of("title", "t".repeat(201), "bodyMarkdown", "b"), "title");
		MvcTestResult malformed = jsonBody(as(DemoAccount.THERAPIST1, this.mvc.post().uri("/api/articles")), "{\"title\":")
			.exchange();
		assertThat(malformed).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void rejectsBadListParametersWith400() {
		for (String query : List.of("size=0", "size=101", "page=-1", "size=abc", "status=BOGUS", "topic=astrology",
				"q=" + "x".repeat(201))) {
			MvcTestResult result = this.mvc.get().uri("/api/articles?" + query).exchange();
			assertThat(result).as(query).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(read(result).get("errors")).as(query).isNotEmpty();
		}
	}

	private void assertErrors(Object body, String field) {
		MvcTestResult result = jsonBody(as(DemoAccount.THERAPIST1, this.mvc.post().uri("/api/articles")), body)
			.exchange();
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		List<String> fields = read(result).get("errors").valueStream().map((e) -> e.get("field").asString()).toList();
		assertThat(fields).as("%s", body).contains(field);
	}

	private JsonNode update(DemoAccount account, JsonNode article, Object body) {
		MvcTestResult result = jsonBody(
				as(account, this.mvc.put().uri("/api/articles/{id}", article.get("id").asString())), body).exchange();
		assertThat(result).hasStatusOk();
		return read(result);
	}

	private MvcTestResult publish(String id, Instant at) {
		return jsonBody(as(DemoAccount.ADMIN1, this.mvc.post().uri("/api/articles/{id}/publish", id)),
				(at != null) ? Map.of("publishAt", at.toString()) : Map.of()).exchange();
	}

	private MvcTestResult archive(String id) {
		return as(DemoAccount.ADMIN1, this.mvc.post().uri("/api/articles/{id}/archive", id)).exchange();
	}

}
