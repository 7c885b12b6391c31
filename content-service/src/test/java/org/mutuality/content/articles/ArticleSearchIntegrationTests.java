package org.mutuality.content.articles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mutuality.content.support.ContentIntegrationTest;
import org.mutuality.platform.test.security.DemoAccount;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleSearchIntegrationTests extends ContentIntegrationTest {

	@Test
	void ranksTitleOverSummaryOverBody() {
		publish(create(DemoAccount.THERAPIST1, Map.of("title", "A quiet afternoon", "summary", "An ordinary day.",
				"bodyMarkdown", "We talked about many things, boundaries among them.")));
		publish(create(DemoAccount.THERAPIST2, Map.of("title", "Saying no", "summary", "Boundaries, kindly.",
				"bodyMarkdown", "Nothing else here.")));
		published("Boundaries in couples", "How two people decide together.", "couples-therapy");

		JsonNode page = search("q=boundaries");
		assertThat(titles(page)).containsExactly("Boundaries in couples", "Saying no", "A quiet afternoon");
		assertThat(page.get("totalItems").asInt()).isEqualTo(3);
	}

	@Test
	void stemsWordsAndHighlightsASnippetOfTheBody() {
		published("Sleep", "When worries keep you awake, try writing them down. Worrying at night is common.");
		JsonNode hit = search("q=worry").get("items").get(0);
		assertThat(hit.get("title").asString()).isEqualTo("Sleep");
		assertThat(hit.get("snippet").asString()).contains("<mark>worries</mark>").contains("<mark>Worrying</mark>");
	}

	@Test
	void escapesTheSnippetText() {
		published("Escaping", "Anxiety is 5 < 6 & boundaries matter, `<script>` and all.");
		String snippet = search("q=boundaries").get("items").get(0).get("snippet").asString();
		assertThat(snippet).contains("&lt;").contains("&amp;").contains("<mark>boundaries</mark>")
			.doesNotContain("<script");
	}

	@Test
	void searchesPublishedArticlesOnlyForThePublic() {
		published("Panic, explained", "panic");
		create(DemoAccount.THERAPIST1, article("Panic draft", "panic"));
		assertThat(titles(search("q=panic"))).containsExactly("Panic, explained");
	}

	@Test
	void filtersByTopic() {
		published("Anxiety at work", "anxiety", "anxiety");
		published("Anxiety at home", "anxiety", "couples-therapy");
		assertThat(titles(search("q=anxiety&topic=couples-therapy"))).containsExactly("Anxiety at home");
		assertThat(titles(search("topic=anxiety"))).containsExactly("Anxiety at work");
	}

	@Test
	void acceptsWebSearchSyntax() {
		published("Therapy for couples", "talking together");
		published("Therapy alone", "talking alone");
		assertThat(titles(search("q=therapy -couples"))).containsExactly("Therapy alone");
		assertThat(titles(search("q=\"talking together\""))).containsExactly("Therapy for couples");
		assertThat(search("q=the").get("totalItems").asInt()).isZero();
	}

	@Test
	void findsAPhraseInATitleASummaryOrOnePassageOfTheBody() {
		String sentence = "We talk about what brings you here and what you hope will change. ";
		publishedWith("Your first session", "What to expect.", "Bring questions.");
		publishedWith("Before we meet", "A first session, explained.", "Bring questions.");
		publishedWith("Starting out", "Some notes.", "Notes.\n\nIn the first session we listen. Later ones go deeper.");
		publishedWith("Sessions", "Some notes.", "The session came first, then the questions.");
		// the phrase's words stand together in the body's text, but at the end of one long paragraph and the start
		// of the next, which are passages of their own
		publishedWith("Two long paragraphs", "Some notes.",
				sentence.repeat(4) + "This is the first\n\nsession. " + sentence.repeat(4));

		assertThat(titles(search("q=\"first session\""))).containsExactly("Your first session", "Before we meet",
				"Starting out");
		assertThat(titles(search("q=\"first session\" listen"))).containsExactly("Starting out");
		assertThat(titles(search("q=\"the\" questions"))).containsExactlyInAnyOrder("Your first session",
				"Before we meet", "Sessions");
		// a phrase that a hit need not contain is matched in the whole text, as PostgreSQL matches it
		assertThat(titles(search("q=\"first session\" or deeper"))).containsExactly("Your first session",
				"Before we meet", "Two long paragraphs", "Starting out");
	}

	@Test
	void pagesHitsRankedByTitleAndSummaryThenTheOthersNewestFirst() {
		publishedWith("Couples therapy, step by step", "What happens.", "We meet, we talk.");
		publishedWith("Therapy for couples", "Couples and therapy.", "Notes.");
		publishedWith("Couples", "Some notes.", "Therapy helps.");
		publishedWith("Starting therapy", "Some notes.", "For couples too.");
		publishedWith("A quiet afternoon", "Some notes.", "Couples therapy, in the body only.");
		publishedWith("Another afternoon", "Therapy, now and then.", "Nothing about pairs.");
		publishedWith("Evening", "Some notes.", "Couples, and then therapy, much later in the body.");
		publishedWith("Morning", "Couples therapy in the summary.", "Body.");
		publishedWith("Night", "Some notes.", "Worry about couples therapy.");
		for (String query : List.of("couples", "therapy", "couples therapy", "couples or therapy", "therapy -couples",
				"\"couples therapy\"", "couples afternoon")) {
			List<String> expected = this.jdbc.sql("""
					select a.title from articles a, websearch_to_tsquery('english', ?) as q(query)
					where a.status = 'PUBLISHED' and a.search @@ q.query
					order by ts_rank(a.search_head, q.query) desc, a.published_at desc, a.id desc""")
				.param(query)
				.query(String.class)
				.list();
			for (int size : List.of(1, 2, 3, 20)) {
				List<String> paged = new ArrayList<>();
				for (int page = 0; page * size <= expected.size(); page++) {
					JsonNode answer = search("q=" + query + "&size=" + size + "&page=" + page);
					assertThat(answer.get("totalItems").asInt()).as(query).isEqualTo(expected.size());
					paged.addAll(titles(answer));
				}
				assertThat(paged).as("'%s' in pages of %d", query, size).containsExactlyElementsOf(expected);
			}
		}
	}

	@Test
	void searchFollowsEditsArchivingAndDeletion() {
		JsonNode article = published("Sleep and worry", "Notes on sleep.");
		String id = article.get("id").asString();
		assertThat(titles(search("q=worry"))).containsExactly("Sleep and worry");

		assertThat(jsonBody(as(DemoAccount.ADMIN1, this.mvc.put().uri("/api/articles/{id}", id)),
				Map.of("title", "Sleep and rest", "bodyMarkdown", "Notes on grief.")).exchange()).hasStatusOk();
		assertThat(titles(search("q=worry"))).isEmpty();
		assertThat(titles(search("q=grief"))).containsExactly("Sleep and rest");

		assertThat(as(DemoAccount.ADMIN1, this.mvc.post().uri("/api/articles/{id}/archive", id)).exchange())
			.hasStatusOk();
		assertThat(titles(search("q=grief"))).isEmpty();
		assertThat(as(DemoAccount.ADMIN1, this.mvc.delete().uri("/api/articles/{id}", id)).exchange())
			.hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.jdbc.sql("select count(*) from article_search").query(Long.class).single()).isZero();
	}

	private void publishedWith(String title, String summary, String body) {
		publish(create(DemoAccount.THERAPIST1, Map.of("title", title, "summary", summary, "bodyMarkdown", body)));
	}

	@Test
	void letsSharedCachesKeepOnlyThePublicList() {
		published("Public", "x");
		assertThat(this.mvc.get().uri("/api/articles").exchange().getResponse().getHeader(HttpHeaders.CACHE_CONTROL))
			.contains("public");
		MvcTestResult own = this.mvc.get()
			.uri("/api/articles?status=PUBLISHED")
			.header(HttpHeaders.AUTHORIZATION, bearer(DemoAccount.THERAPIST1))
			.exchange();
		assertThat(own).hasStatusOk();
		assertThat(own.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("private")
			.doesNotContain("public");
	}

	@Test
	void pagesNewestFirst() {
		for (int i = 1; i <= 5; i++) {
			published("Article " + i, "body " + i);
		}
		JsonNode first = search("page=0&size=2");
		assertThat(titles(first)).containsExactly("Article 5", "Article 4");
		assertThat(first.get("page").asInt()).isZero();
		assertThat(first.get("size").asInt()).isEqualTo(2);
		assertThat(first.get("totalItems").asInt()).isEqualTo(5);
		assertThat(first.get("totalPages").asInt()).isEqualTo(3);
		assertThat(titles(search("page=2&size=2"))).containsExactly("Article 1");
		assertThat(titles(search("page=3&size=2"))).isEmpty();
		JsonNode defaults = search("");
		assertThat(defaults.get("size").asInt()).isEqualTo(20);
		JsonNode item = defaults.get("items").get(0);
		assertThat(item.has("bodyMarkdown")).isFalse();
		assertThat(item.has("snippet")).isFalse();
		assertThat(item.get("author").get("name").asString()).isEqualTo("Maya Okafor");
		assertThat(item.get("readingMinutes").asInt()).isEqualTo(1);
	}

	@Test
	void countsPublishedArticlesPerTopic() {
		published("One", "x", "anxiety", "self-care");
		published("Two", "x", "anxiety");
		create(DemoAccount.THERAPIST1, article("Draft", "x", "anxiety"));
		MvcTestResult result = this.mvc.get().uri("/api/topics").exchange();
		assertThat(result).hasStatusOk();
		Map<String, Integer> counts = new java.util.HashMap<>();
		read(result).forEach((topic) -> counts.put(topic.get("slug").asString(), topic.get("articleCount").asInt()));
		assertThat(counts).containsEntry("anxiety", 2).containsEntry("self-care", 1).containsEntry("communication", 0);
		assertThat(read(result).get(0).has("name")).isTrue();
	}

	private JsonNode search(String query) {
		MvcTestResult result = this.mvc.get().uri("/api/articles?" + query).exchange();
		assertThat(result).hasStatusOk();
		return read(result);
	}

	private static List<String> titles(JsonNode page) {
		return page.get("items").valueStream().map((item) -> item.get("title").asString()).toList();
	}

}
