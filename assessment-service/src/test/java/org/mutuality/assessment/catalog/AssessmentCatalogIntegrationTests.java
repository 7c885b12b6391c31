package org.mutuality.assessment.catalog;

import org.junit.jupiter.api.Test;
import org.mutuality.assessment.AssessmentIntegrationTestSupport;
import org.mutuality.assessment.TestHttp;
import org.mutuality.platform.test.security.DemoAccount;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public catalogue over HTTP: the shipped instruments in their current version, for anyone.
 */
class AssessmentCatalogIntegrationTests extends AssessmentIntegrationTestSupport {

	@Test
	void listsTheShippedAssessmentsToAnonymousCallers() {
		TestHttp.Response response = this.http.get("/api/assessments");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		JsonNode list = response.json();
		assertThat(list.findValuesAsString("id")).contains("phq-9", "gad-7", "relationship-mutuality");
		JsonNode phq9 = entry(list, "phq-9");
		assertThat(phq9.path("version").asInt()).isEqualTo(1);
		assertThat(phq9.path("itemCount").asInt()).isEqualTo(9);
		assertThat(phq9.path("title").asString()).isNotBlank();
		assertThat(phq9.path("summary").asString()).isNotBlank();
		assertThat(phq9.path("estimatedMinutes").asInt()).isPositive();
		assertThat(entry(list, "gad-7").path("itemCount").asInt()).isEqualTo(7);
	}

	@Test
	void answersHeadAsItAnswersGet() {
		assertThat(this.http.send("HEAD", "/api/assessments", null, null).status()).isEqualTo(200);
		assertThat(this.http.send("HEAD", "/api/assessments/phq-9", null, null).status()).isEqualTo(200);
	}

	@Test
	void answersAnAssessmentWithItemsOptionsAndBands() {
		TestHttp.Response response = this.http.get("/api/assessments/phq-9");

		assertThat(response.status()).isEqualTo(200);
		JsonNode phq9 = response.json();
		assertThat(phq9.path("id").asString()).isEqualTo("phq-9");
		assertThat(phq9.path("instructions").asString()).isNotBlank();
		assertThat(phq9.path("items")).hasSize(9);
		JsonNode first = phq9.path("items").get(0);
		assertThat(first.path("id").asString()).isEqualTo("q1");
		assertThat(first.path("text").asString()).isNotBlank();
		assertThat(first.path("required").asBoolean()).isTrue();
		assertThat(first.path("options").findValuesAsString("label")).hasSize(4);
		assertThat(phq9.path("bands").findValuesAsString("code")).containsExactly("MINIMAL", "MILD", "MODERATE",
				"MODERATELY_SEVERE", "SEVERE");
		assertThat(phq9.path("bands").get(4).path("min").asInt()).isEqualTo(20);
		assertThat(phq9.path("bands").get(4).path("max").asInt()).isEqualTo(27);
	}

	@Test
	void answersTheSameToAnAuthenticatedCaller() {
		TestHttp.Response response = this.http.get("/api/assessments/gad-7", tokenFor(DemoAccount.THERAPIST1));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("items")).hasSize(7);
	}

	@Test
	void answers404ForAnUnknownAssessment() {
		JsonNode problem = this.http.get("/api/assessments/no-such-thing").assertProblem(404);

		assertThat(problem.path("instance").asString()).isEqualTo("/api/assessments/no-such-thing");
	}

	@Test
	void refusesABadTokenEvenOnThePublicCatalogue() {
		String expired = idp.token(DemoAccount.CLIENT1).expired(java.time.Duration.ofMinutes(5)).build();

		this.http.get("/api/assessments", expired).assertProblem(401);
	}

	private static JsonNode entry(JsonNode list, String id) {
		for (JsonNode entry : list) {
			if (entry.path("id").asString().equals(id)) {
				return entry;
			}
		}
		throw new AssertionError("No " + id + " in " + list);
	}

}
