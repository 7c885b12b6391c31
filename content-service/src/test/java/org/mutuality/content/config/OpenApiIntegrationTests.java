package org.mutuality.content.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.content.support.ContentIntegrationTest;
import org.mutuality.platform.openapi.ServiceOpenApi;
import org.mutuality.platform.test.openapi.OpenApiDocument;
import tools.jackson.databind.JsonNode;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description at {@code /v3/api-docs}: public, holding exactly API.md's Content operations (encoded
 * here, since the contract file is not part of the build) plus the documented revision additions, each with its
 * role note and bearer requirement, problem+json errors, and schemas that show the real answers.
 */
class OpenApiIntegrationTests extends ContentIntegrationTest {

	/** Method and path -> who may call it, as API.md's Content table says ("anyone" needs no token). */
	private static final Map<String, String> API_MD = new LinkedHashMap<>();

	static {
		API_MD.put("GET /api/articles", "anyone");
		API_MD.put("GET /api/articles/{slug}", "anyone");
		API_MD.put("POST /api/articles", "therapist, admin");
		API_MD.put("PUT /api/articles/{id}", "its author (therapist), admin");
		API_MD.put("POST /api/articles/{id}/publish", "admin");
		API_MD.put("POST /api/articles/{id}/archive", "admin");
		API_MD.put("DELETE /api/articles/{id}", "admin");
		API_MD.put("GET /api/topics", "anyone");
		API_MD.put("GET /api/feed", "anyone");
		API_MD.put("GET /sitemap.xml", "anyone");
	}

	/** Operations the service has beyond API.md's table, documented as additions. */
	private static final Map<String, String> ADDITIONS = Map.of("GET /api/articles/{id}/revisions",
			"its author (therapist), admin", "POST /api/articles/{id}/revisions/{number}/restore",
			"its author (therapist), admin");

	private OpenApiDocument api;

	@BeforeEach
	void readDescription() {
		MvcTestResult result = this.mvc.get().uri("/v3/api-docs").exchange();
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith("application/json");
		this.api = new OpenApiDocument(read(result));
	}

	@Test
	void describesTheServiceAndTheBearerScheme() {
		JsonNode doc = this.api.json();
		assertThat(doc.path("openapi").asString()).startsWith("3.");
		assertThat(doc.at("/info/title").asString()).isEqualTo("Mutuality content-service");
		assertThat(doc.at("/info/version").asString()).isEqualTo("v1");
		assertThat(doc.at("/info/description").asString()).contains("problem+json");
		JsonNode bearer = doc.at("/components/securitySchemes/" + ServiceOpenApi.BEARER);
		assertThat(bearer.path("type").asString()).isEqualTo("http");
		assertThat(bearer.path("scheme").asString()).isEqualTo("bearer");
		assertThat(bearer.path("bearerFormat").asString()).isEqualTo("JWT");
	}

	@Test
	void holdsExactlyTheOperationsOfApiMdAndTheDocumentedAdditions() {
		Set<String> expected = new TreeSet<>(API_MD.keySet());
		expected.addAll(ADDITIONS.keySet());
		assertThat(this.api.operations()).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void notesTheRolesAndRequiresTheBearerTokenWhereARoleIsNeeded() {
		Map<String, String> all = new LinkedHashMap<>(API_MD);
		all.putAll(ADDITIONS);
		all.forEach((operation, roles) -> {
			JsonNode op = this.api.operation(operation);
			assertThat(op.path("description").asString()).as(operation).startsWith("Roles: " + roles);
			if (roles.startsWith("anyone")) {
				assertThat(op.has("security")).as(operation).isFalse();
			}
			else {
				assertThat(op.at("/security/0").has(ServiceOpenApi.BEARER)).as(operation).isTrue();
				assertThat(op.at("/responses/403").isMissingNode()).as(operation).isFalse();
			}
			assertThat(OpenApiDocument.problemSchemaOf(op.at("/responses/401"))).as(operation).isEqualTo("#/components/schemas/Problem");
		});
	}

	@Test
	void documentsProblemAnswers() {
		JsonNode problem = this.api.json().at("/components/schemas/Problem/properties");
		assertThat(OpenApiDocument.names(problem)).contains("type", "title", "status", "detail", "instance", "errors");
		assertThat(problem.at("/errors/items/properties").has("field")).isTrue();
		assertThat(OpenApiDocument.problemSchemaOf(this.api.operation("POST /api/articles").at("/responses/409"))).isNotEmpty();
		assertThat(OpenApiDocument.problemSchemaOf(this.api.operation("POST /api/articles").at("/responses/400"))).isNotEmpty();
		assertThat(OpenApiDocument.problemSchemaOf(this.api.operation("PUT /api/articles/{id}").at("/responses/412"))).isNotEmpty();
		assertThat(OpenApiDocument.problemSchemaOf(this.api.operation("GET /api/articles/{slug}").at("/responses/404"))).isNotEmpty();
		assertThat(this.api.operation("GET /api/topics").at("/responses/400").isMissingNode()).isTrue();
	}

	@Test
	void showsTheRealPagesSummariesAndArticles() {
		JsonNode page = this.api.schema(this.api.operation("GET /api/articles").at("/responses/200/content"));
		assertThat(OpenApiDocument.names(page.path("properties"))).contains("items", "page", "size", "totalItems", "totalPages");
		JsonNode summary = this.api.resolve(page.at("/properties/items/items"));
		assertThat(OpenApiDocument.names(summary.path("properties"))).contains("id", "slug", "title", "summary", "topics", "author",
				"status", "publishedAt", "readingMinutes");
		assertThat(summary.at("/properties/status/enum").toString()).contains("DRAFT", "SCHEDULED", "PUBLISHED",
				"ARCHIVED");

		JsonNode article = this.api.schema(this.api.operation("GET /api/articles/{slug}").at("/responses/200/content"));
		assertThat(OpenApiDocument.names(article.path("properties"))).contains("bodyMarkdown", "bodyHtml", "createdAt", "updatedAt",
				"version", "callToAction");
		assertThat(this.api.schema(this.api.operation("POST /api/articles").at("/responses/201/content")).path("properties").has("slug"))
			.isTrue();
		JsonNode request = this.api.schema(this.api.operation("POST /api/articles").at("/requestBody/content"));
		assertThat(request.path("required").toString()).contains("title", "bodyMarkdown");

		JsonNode topics = this.api.schema(this.api.operation("GET /api/topics").at("/responses/200/content"));
		assertThat(OpenApiDocument.names(this.api.resolve(topics.path("items")).path("properties"))).contains("slug", "name", "articleCount");
		assertThat(this.api.operation("GET /api/feed").at("/responses/200/content").has("application/atom+xml")).isTrue();
		assertThat(this.api.operation("GET /api/articles").path("parameters").toString()).doesNotContain("CurrentUser")
			.doesNotContain("\"user\"");
	}

}
