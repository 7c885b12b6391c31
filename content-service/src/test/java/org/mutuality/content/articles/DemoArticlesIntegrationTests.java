package org.mutuality.content.articles;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mutuality.content.support.ContentIntegrationTest;
import org.mutuality.platform.test.security.DemoAccount;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class DemoArticlesIntegrationTests extends ContentIntegrationTest {

	@Autowired
	private ArticleService service;

	@Autowired
	private ArticleRepository articles;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private Clock clock;

	@Test
	void loadsTheDemoArticlesIntoAnEmptyDatabaseOnly() {
		DemoArticles demo = new DemoArticles(this.service, this.articles, this.jdbc, this.transactions, this.clock);
		demo.run(new DefaultApplicationArguments());
		assertThat(this.articles.count()).isEqualTo(9);
		Integer second = this.transactions.execute((status) -> demo.loadIfEmpty());
		assertThat(second).isZero();

		assertThat(count("PUBLISHED")).isGreaterThanOrEqualTo(6);
		assertThat(count("SCHEDULED")).isEqualTo(1);
		assertThat(count("DRAFT")).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from articles where status = 'PUBLISHED' and cta_kind = 'NONE'")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select distinct cta_assessment_id from articles where cta_assessment_id is not null")
			.query(String.class)
			.list()).containsExactlyInAnyOrder("phq-9", "gad-7", "relationship-mutuality");
		assertThat(this.jdbc.sql("select distinct author_name from articles").query(String.class).list())
			.containsExactlyInAnyOrder("Maya Okafor", "Daniel Brooks");

		JsonNode page = read(this.mvc.get().uri("/api/articles").exchange());
		assertThat(page.get("totalItems").asInt()).isEqualTo(count("PUBLISHED"));
		assertThat(page.get("items").get(0).get("title").asString()).isEqualTo("Giving and taking: when care turns into a ledger");
		assertThat(read(this.mvc.get().uri("/api/articles?q=worry").exchange()).get("items").get(0).get("slug").asString())
			.isEqualTo("when-worry-will-not-switch-off");
		JsonNode firstSession = read(this.mvc.get().uri("/api/articles/your-first-session-what-to-expect").exchange());
		assertThat(firstSession.get("bodyHtml").asString()).contains("<table>");
		assertThat(firstSession.get("callToAction").get("kind").asString()).isEqualTo("BOOKING");
		assertThat(read(as(DemoAccount.ADMIN1, this.mvc.get().uri("/api/articles?status=SCHEDULED")).exchange())
			.get("items").get(0).get("publishAt").isNull()).isFalse();
	}

	@Test
	void demoArticlesAreWellFormed() {
		List<DemoArticles.DemoArticle> demo = DemoArticles.read();
		assertThat(demo).hasSize(9);
		assertThat(demo).allSatisfy((article) -> {
			assertThat(article.request().title()).isNotBlank();
			assertThat(article.request().topics()).isNotEmpty();
			assertThat(article.author()).isIn("therapist1", "therapist2");
			assertThat(article.request().callToAction()).isNotNull();
		});
	}

	private long count(String status) {
		return this.jdbc.sql("select count(*) from articles where status = ?").param(status).query(Long.class).single();
	}

}
