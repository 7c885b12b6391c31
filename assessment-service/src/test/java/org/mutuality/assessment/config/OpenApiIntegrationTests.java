package org.mutuality.assessment.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.assessment.AssessmentIntegrationTestSupport;
import org.mutuality.assessment.TestHttp;
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

	private JsonNode doc;

	@BeforeEach
	void readDescription() {
		TestHttp.Response response = this.http.get("/v3/api-docs");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		this.doc = response.json();
	}

	@Test
	void describesTheServiceAndTheBearerScheme() {
		assertThat(this.doc.path("openapi").asString()).startsWith("3.");
		assertThat(this.doc.at("/info/title").asString()).isEqualTo("Mutuality assessment-service");
		assertThat(this.doc.at("/info/version").asString()).isEqualTo("v1");
		assertThat(this.doc.at("/info/description").asString()).contains("problem+json");
		JsonNode bearer = this.doc.at("/components/securitySchemes/bearer-jwt");
		assertThat(bearer.path("type").asString()).isEqualTo("http");
		assertThat(bearer.path("scheme").asString()).isEqualTo("bearer");
		assertThat(bearer.path("bearerFormat").asString()).isEqualTo("JWT");
	}

	@Test
	void holdsExactlyTheOperationsOfApiMd() {
		assertThat(operations()).containsExactlyInAnyOrderElementsOf(API_MD.keySet());
	}

	@Test
	void notesTheRolesAndRequiresTheBearerTokenWhereARoleIsNeeded() {
		API_MD.forEach((operation, roles) -> {
			JsonNode op = operation(operation);
			assertThat(op.path("description").asString()).as(operation).startsWith("Roles: " + roles);
			if (roles.equals("anyone")) {
				assertThat(op.has("security")).as(operation).isFalse();
			}
			else {
				assertThat(op.at("/security/0").has("bearer-jwt")).as(operation).isTrue();
				assertThat(problemSchemaOf(op.at("/responses/403"))).as(operation).isNotEmpty();
			}
			assertThat(problemSchemaOf(op.at("/responses/401"))).as(operation).isEqualTo("#/components/schemas/Problem");
		});
	}

	@Test
	void documentsProblemAnswers() {
		JsonNode problem = this.doc.at("/components/schemas/Problem/properties");
		assertThat(names(problem)).contains("type", "title", "status", "detail", "instance", "errors");
		assertThat(names(problem.at("/errors/items/properties"))).contains("field", "message");
		JsonNode submit = operation("POST /api/assessments/{id}/submissions");
		assertThat(problemSchemaOf(submit.at("/responses/400"))).isNotEmpty();
		assertThat(problemSchemaOf(submit.at("/responses/404"))).isNotEmpty();
		assertThat(problemSchemaOf(submit.at("/responses/415"))).isNotEmpty();
		assertThat(problemSchemaOf(operation("GET /api/submissions/{id}").at("/responses/404"))).isNotEmpty();
		assertThat(operation("GET /api/assessments").at("/responses/400").isMissingNode()).isTrue();
	}

	@Test
	void showsTheRealSubmissionsPagesAndAssessments() {
		JsonNode submission = schema(operation("POST /api/assessments/{id}/submissions").at("/responses/201/content"));
		assertThat(names(submission.path("properties"))).contains("id", "assessmentId", "assessmentVersion",
				"clientId", "submittedAt", "totalScore", "band", "subscales", "riskFlags", "recommendation",
				"consentToContact");
		assertThat(names(resolve(submission.at("/properties/band")).path("properties"))).contains("code", "label",
				"description");
		assertThat(names(resolve(submission.at("/properties/subscales/items")).path("properties"))).contains("code",
				"label", "score");
		JsonNode recommendation = resolve(submission.at("/properties/recommendation"));
		assertThat(recommendation.at("/properties/kind/enum").toString()).contains("SELF_GUIDED",
				"BOOK_FREE_CONSULTATION", "URGENT_SUPPORT");
		JsonNode request = schema(operation("POST /api/assessments/{id}/submissions").at("/requestBody/content"));
		assertThat(names(request.path("properties"))).contains("answers", "consentToContact");

		JsonNode page = schema(operation("GET /api/submissions").at("/responses/200/content"));
		assertThat(names(page.path("properties"))).contains("items", "page", "size", "totalItems", "totalPages");
		assertThat(resolve(page.at("/properties/items/items"))).isEqualTo(submission);
		assertThat(schema(operation("GET /api/submissions/{id}").at("/responses/200/content"))).isEqualTo(submission);

		JsonNode summaries = schema(operation("GET /api/assessments").at("/responses/200/content"));
		assertThat(names(resolve(summaries.path("items")).path("properties"))).contains("id", "version", "title",
				"summary", "itemCount", "estimatedMinutes");
		JsonNode assessment = schema(operation("GET /api/assessments/{id}").at("/responses/200/content"));
		assertThat(names(assessment.path("properties"))).contains("id", "version", "title", "summary",
				"instructions", "items", "bands");
		assertThat(names(resolve(assessment.at("/properties/bands/items")).path("properties"))).contains("code",
				"min", "max", "label");
		assertThat(names(resolve(assessment.at("/properties/items/items")).path("properties"))).contains("id", "text",
				"required", "options");
	}

	private Set<String> operations() {
		Set<String> operations = new TreeSet<>();
		this.doc.path("paths")
			.properties()
			.forEach((path) -> path.getValue()
				.properties()
				.forEach((method) -> operations.add(method.getKey().toUpperCase() + " " + path.getKey())));
		return operations;
	}

	private JsonNode operation(String operation) {
		String[] parts = operation.split(" ", 2);
		JsonNode op = this.doc.path("paths").path(parts[1]).path(parts[0].toLowerCase());
		assertThat(op.isMissingNode()).as(operation).isFalse();
		return op;
	}

	/** The schema of the first media type of a content object, references resolved. */
	private JsonNode schema(JsonNode content) {
		assertThat(content.isMissingNode()).isFalse();
		return resolve(content.values().iterator().next().path("schema"));
	}

	private JsonNode resolve(JsonNode schema) {
		String ref = schema.path("$ref").asString("");
		return ref.isEmpty() ? schema : this.doc.at(ref.substring(1));
	}

	private static String problemSchemaOf(JsonNode response) {
		return response.at("/content/application~1problem+json/schema/$ref").asString("");
	}

	private static Set<String> names(JsonNode object) {
		Set<String> names = new TreeSet<>();
		object.properties().forEach((entry) -> names.add(entry.getKey()));
		return names;
	}

}
