package org.mutuality.assessment.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.assessment.AssessmentIntegrationTestSupport;
import org.mutuality.assessment.TestHttp;
import org.mutuality.platform.openapi.ServiceOpenApi;
import org.mutuality.platform.test.openapi.OpenApiDocument;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description at {@code /v3/api-docs}: public, holding exactly API.md's Assessments operations (encoded
 * here, since the contract file is not part of the build), each with its role note and bearer requirement,
 * problem+json errors, and schemas that show the real submissions, pages and assessments.
 */
class OpenApiIntegrationTests extends AssessmentIntegrationTestSupport {

	/** Method and path -> who may call it, as API.md's Assessments table says ("anyone" needs no token). */
	private static final Map<String, String> API_MD = new LinkedHashMap<>();

	static {
		API_MD.put("GET /api/assessments", "anyone");
		API_MD.put("GET /api/assessments/{id}", "anyone");
		API_MD.put("POST /api/assessments/{id}/submissions", "client");
		API_MD.put("GET /api/submissions", "client (own only, whatever the filters say), therapist, admin (all)");
		API_MD.put("GET /api/submissions/{id}", "its client, therapist, admin");
	}

	private OpenApiDocument api;

	@BeforeEach
	void readDescription() {
		TestHttp.Response response = this.http.get("/v3/api-docs");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		this.api = new OpenApiDocument(response.json());
	}

	@Test
	void describesTheServiceAndTheBearerScheme() {
		JsonNode doc = this.api.json();
		assertThat(doc.path("openapi").asString()).startsWith("3.");
		assertThat(doc.at("/info/title").asString()).isEqualTo("Mutuality assessment-service");
		assertThat(doc.at("/info/version").asString()).isEqualTo("v1");
		assertThat(doc.at("/info/description").asString()).contains("problem+json");
		JsonNode bearer = doc.at("/components/securitySchemes/" + ServiceOpenApi.BEARER);
		assertThat(bearer.path("type").asString()).isEqualTo("http");
		assertThat(bearer.path("scheme").asString()).isEqualTo("bearer");
		assertThat(bearer.path("bearerFormat").asString()).isEqualTo("JWT");
	}

	@Test
	void holdsExactlyTheOperationsOfApiMd() {
		assertThat(this.api.operations()).containsExactlyInAnyOrderElementsOf(API_MD.keySet());
	}

	@Test
	void notesTheRolesAndRequiresTheBearerTokenWhereARoleIsNeeded() {
		API_MD.forEach((operation, roles) -> {
			JsonNode op = this.api.operation(operation);
			assertThat(op.path("description").asString()).as(operation).startsWith("Roles: " + roles);
			if (roles.equals("anyone")) {
				assertThat(op.has("security")).as(operation).isFalse();
			}
			else {
				assertThat(op.at("/security/0").has(ServiceOpenApi.BEARER)).as(operation).isTrue();
				assertThat(OpenApiDocument.problemSchemaOf(op.at("/responses/403"))).as(operation).isNotEmpty();
			}
			assertThat(OpenApiDocument.problemSchemaOf(op.at("/responses/401"))).as(operation).isEqualTo("#/components/schemas/Problem");
		});
	}

	@Test
	void documentsProblemAnswers() {
		JsonNode problem = this.api.json().at("/components/schemas/Problem/properties");
		assertThat(OpenApiDocument.names(problem)).contains("type", "title", "status", "detail", "instance", "errors");
		assertThat(OpenApiDocument.names(problem.at("/errors/items/properties"))).contains("field", "message");
		JsonNode submit = this.api.operation("POST /api/assessments/{id}/submissions");
		assertThat(OpenApiDocument.problemSchemaOf(submit.at("/responses/400"))).isNotEmpty();
		assertThat(OpenApiDocument.problemSchemaOf(submit.at("/responses/404"))).isNotEmpty();
		assertThat(OpenApiDocument.problemSchemaOf(submit.at("/responses/415"))).isNotEmpty();
		assertThat(OpenApiDocument.problemSchemaOf(this.api.operation("GET /api/submissions/{id}").at("/responses/404"))).isNotEmpty();
		assertThat(this.api.operation("GET /api/assessments").at("/responses/400").isMissingNode()).isTrue();
	}

	@Test
	void showsTheRealSubmissionsPagesAndAssessments() {
		JsonNode submission = this.api.schema(this.api.operation("POST /api/assessments/{id}/submissions").at("/responses/201/content"));
		assertThat(OpenApiDocument.names(submission.path("properties"))).contains("id", "assessmentId", "assessmentVersion",
				"clientId", "submittedAt", "totalScore", "band", "subscales", "riskFlags", "recommendation",
				"consentToContact");
		assertThat(OpenApiDocument.names(this.api.resolve(submission.at("/properties/band")).path("properties"))).contains("code", "label",
				"description");
		assertThat(OpenApiDocument.names(this.api.resolve(submission.at("/properties/subscales/items")).path("properties"))).contains("code",
				"label", "score");
		JsonNode recommendation = this.api.resolve(submission.at("/properties/recommendation"));
		assertThat(recommendation.at("/properties/kind/enum").toString()).contains("SELF_GUIDED",
				"BOOK_FREE_CONSULTATION", "URGENT_SUPPORT");
		JsonNode request = this.api.schema(this.api.operation("POST /api/assessments/{id}/submissions").at("/requestBody/content"));
		assertThat(OpenApiDocument.names(request.path("properties"))).contains("answers", "consentToContact");

		JsonNode page = this.api.schema(this.api.operation("GET /api/submissions").at("/responses/200/content"));
		assertThat(OpenApiDocument.names(page.path("properties"))).contains("items", "page", "size", "totalItems", "totalPages");
		assertThat(this.api.resolve(page.at("/properties/items/items"))).isEqualTo(submission);
		assertThat(this.api.schema(this.api.operation("GET /api/submissions/{id}").at("/responses/200/content"))).isEqualTo(submission);

		JsonNode summaries = this.api.schema(this.api.operation("GET /api/assessments").at("/responses/200/content"));
		assertThat(OpenApiDocument.names(this.api.resolve(summaries.path("items")).path("properties"))).contains("id", "version", "title",
				"summary", "itemCount", "estimatedMinutes");
		JsonNode assessment = this.api.schema(this.api.operation("GET /api/assessments/{id}").at("/responses/200/content"));
		assertThat(OpenApiDocument.names(assessment.path("properties"))).contains("id", "version", "title", "summary",
				"instructions", "items", "bands");
		assertThat(OpenApiDocument.names(this.api.resolve(assessment.at("/properties/bands/items")).path("properties"))).contains("code",
				"min", "max", "label");
		assertThat(OpenApiDocument.names(this.api.resolve(assessment.at("/properties/items/items")).path("properties"))).contains("id", "text",
				"required", "options");
	}

}
