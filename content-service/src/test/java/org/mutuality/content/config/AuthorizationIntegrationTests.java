package org.mutuality.content.config;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mutuality.content.support.ContentIntegrationTest;
import org.mutuality.platform.test.security.DemoAccount;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role against every endpoint of API.md's Content part, and one therapist against another's draft. The
 * fixture: therapist1's draft {@code t1-draft} (edited once, so it has a revision) and a published article.
 */
class AuthorizationIntegrationTests extends ContentIntegrationTest {

	private String draftId;

	private String publishedId;

	@BeforeEach
	void articles() {
		JsonNode draft = create(DemoAccount.THERAPIST1,
				Map.of("title", "T1 draft", "bodyMarkdown", "first", "slug", "t1-draft"));
		this.draftId = draft.get("id").asString();
		MvcTestResult edit = jsonBody(as(DemoAccount.THERAPIST1, this.mvc.put().uri("/api/articles/{id}", this.draftId)),
				Map.of("title", "T1 draft", "bodyMarkdown", "second")).exchange();
		assertThat(edit).hasStatusOk();
		this.publishedId = published("Public one", "body").get("id").asString();
	}

	@ParameterizedTest(name = "{0} as {1} -> {2}")
	@CsvSource(textBlock = """
			LIST,            ANONYMOUS,  200
			LIST,            CLIENT1,    200
			LIST,            THERAPIST1, 200
			LIST,            THERAPIST2, 200
			LIST,            ADMIN1,     200
			LIST_DRAFTS,     ANONYMOUS,  401
			LIST_DRAFTS,     CLIENT1,    403
			LIST_DRAFTS,     THERAPIST1, 200
			LIST_DRAFTS,     THERAPIST2, 200
			LIST_DRAFTS,     ADMIN1,     200
			GET_DRAFT,       ANONYMOUS,  404
			GET_DRAFT,       CLIENT1,    404
			GET_DRAFT,       THERAPIST1, 200
			GET_DRAFT,       THERAPIST2, 404
			GET_DRAFT,       ADMIN1,     200
			GET_PUBLISHED,   ANONYMOUS,  200
			GET_PUBLISHED,   CLIENT1,    200
			GET_PUBLISHED,   THERAPIST1, 200
			GET_PUBLISHED,   THERAPIST2, 200
			GET_PUBLISHED,   ADMIN1,     200
			CREATE,          ANONYMOUS,  401
			CREATE,          CLIENT1,    403
			CREATE,          THERAPIST1, 201
			CREATE,          THERAPIST2, 201
			CREATE,          ADMIN1,     201
			UPDATE_DRAFT,    ANONYMOUS,  401
			UPDATE_DRAFT,    CLIENT1,    403
			UPDATE_DRAFT,    THERAPIST1, 200
			UPDATE_DRAFT,    THERAPIST2, 404
			UPDATE_DRAFT,    ADMIN1,     200
			PUBLISH,         ANONYMOUS,  401
			PUBLISH,         CLIENT1,    403
			PUBLISH,         THERAPIST1, 403
			PUBLISH,         THERAPIST2, 403
			PUBLISH,         ADMIN1,     200
			ARCHIVE,         ANONYMOUS,  401
			ARCHIVE,         CLIENT1,    403
			ARCHIVE,         THERAPIST1, 403
			ARCHIVE,         THERAPIST2, 403
			ARCHIVE,         ADMIN1,     200
			DELETE,          ANONYMOUS,  401
			DELETE,          CLIENT1,    403
			DELETE,          THERAPIST1, 403
			DELETE,          THERAPIST2, 403
			DELETE,          ADMIN1,     204
			REVISIONS,       ANONYMOUS,  401
			REVISIONS,       CLIENT1,    403
			REVISIONS,       THERAPIST1, 200
			REVISIONS,       THERAPIST2, 404
			REVISIONS,       ADMIN1,     200
			RESTORE,         ANONYMOUS,  401
			RESTORE,         CLIENT1,    403
			RESTORE,         THERAPIST1, 200
			RESTORE,         THERAPIST2, 404
			RESTORE,         ADMIN1,     200
			TOPICS,          ANONYMOUS,  200
			TOPICS,          CLIENT1,    200
			TOPICS,          THERAPIST1, 200
			TOPICS,          THERAPIST2, 200
			TOPICS,          ADMIN1,     200
			FEED,            ANONYMOUS,  200
			FEED,            CLIENT1,    200
			FEED,            THERAPIST1, 200
			FEED,            THERAPIST2, 200
			FEED,            ADMIN1,     200
			SITEMAP,         ANONYMOUS,  200
			SITEMAP,         CLIENT1,    200
			SITEMAP,         THERAPIST1, 200
			SITEMAP,         THERAPIST2, 200
			SITEMAP,         ADMIN1,     200
			""")
	void answersEachRoleAsApiMdSays(Endpoint endpoint, String role, int expected) {
		DemoAccount account = role.equals("ANONYMOUS") ? null : DemoAccount.valueOf(role);
		MvcTestResult result = as(account, endpoint.request.apply(this)).exchange();
		assertThat(result).hasStatus(expected);
		if (expected >= 400) {
			assertThat(result).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
		if (expected == 401) {
			assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
		}
	}

	@Test
	void therapistsListOnlyTheirOwnArticlesByStatus() {
		assertThat(as(DemoAccount.THERAPIST1, this.mvc.get().uri("/api/articles?status=DRAFT"))).bodyJson()
			.extractingPath("$.totalItems")
			.isEqualTo(1);
		assertThat(as(DemoAccount.THERAPIST2, this.mvc.get().uri("/api/articles?status=DRAFT"))).bodyJson()
			.extractingPath("$.totalItems")
			.isEqualTo(0);
		assertThat(as(DemoAccount.ADMIN1, this.mvc.get().uri("/api/articles?status=DRAFT"))).bodyJson()
			.extractingPath("$.totalItems")
			.isEqualTo(1);
		assertThat(this.mvc.get().uri("/api/articles?status=PUBLISHED")).bodyJson()
			.extractingPath("$.totalItems")
			.isEqualTo(1);
	}

	@Test
	void anotherTherapistsDraftIsNotFoundEverywhere() {
		assertThat(as(DemoAccount.THERAPIST2, this.mvc.get().uri("/api/articles/t1-draft")))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(as(DemoAccount.THERAPIST2, this.mvc.get().uri("/api/articles/{id}", this.draftId)))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(jsonBody(as(DemoAccount.THERAPIST2, this.mvc.put().uri("/api/articles/{id}", this.draftId)),
				Map.of("title", "Mine now", "bodyMarkdown", "x"))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(as(DemoAccount.THERAPIST2, this.mvc.get().uri("/api/articles?status=DRAFT&q=draft"))).bodyJson()
			.extractingPath("$.totalItems")
			.isEqualTo(0);
	}

	@Test
	void refusesBadTokensWith401EvenOnPublicEndpoints() {
		for (String token : new String[] { IDP.token(DemoAccount.CLIENT1).expired(Duration.ofMinutes(5)).build(),
				IDP.token(DemoAccount.CLIENT1).signedWithForeignKey().build(),
				IDP.token(DemoAccount.CLIENT1).issuer("http://evil.example/realms/mutuality").build(),
				IDP.token(DemoAccount.CLIENT1).audience("someone-else").build(),
				IDP.token(DemoAccount.CLIENT1).unsigned().build(), "not-a-jwt" }) {
			for (String path : new String[] { "/api/articles", "/api/topics", "/api/feed", "/sitemap.xml" }) {
				MvcTestResult result = this.mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
					.exchange();
				assertThat(result).as(path).hasStatus(HttpStatus.UNAUTHORIZED);
				assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
			}
		}
	}

	enum Endpoint {

		LIST((t) -> t.mvc.get().uri("/api/articles")),
		LIST_DRAFTS((t) -> t.mvc.get().uri("/api/articles?status=DRAFT")),
		GET_DRAFT((t) -> t.mvc.get().uri("/api/articles/t1-draft")),
		GET_PUBLISHED((t) -> t.mvc.get().uri("/api/articles/public-one")),
		CREATE((t) -> t.jsonBody(t.mvc.post().uri("/api/articles"), Map.of("title", "New", "bodyMarkdown", "x"))),
		UPDATE_DRAFT((t) -> t.jsonBody(t.mvc.put().uri("/api/articles/{id}", t.draftId),
				Map.of("title", "T1 draft", "bodyMarkdown", "third"))),
		PUBLISH((t) -> t.mvc.post().uri("/api/articles/{id}/publish", t.draftId)),
		ARCHIVE((t) -> t.mvc.post().uri("/api/articles/{id}/archive", t.publishedId)),
		DELETE((t) -> t.mvc.delete().uri("/api/articles/{id}", t.draftId)),
		REVISIONS((t) -> t.mvc.get().uri("/api/articles/{id}/revisions", t.draftId)),
		RESTORE((t) -> t.mvc.post().uri("/api/articles/{id}/revisions/1/restore", t.draftId)),
		TOPICS((t) -> t.mvc.get().uri("/api/topics")),
		FEED((t) -> t.mvc.get().uri("/api/feed")),
		SITEMAP((t) -> t.mvc.get().uri("/sitemap.xml"));

		private final Function<AuthorizationIntegrationTests, MockMvcRequestBuilder> request;

		Endpoint(Function<AuthorizationIntegrationTests, MockMvcRequestBuilder> request) {
			this.request = request;
		}

	}

}
