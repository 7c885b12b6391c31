package org.mutuality.assessment.submissions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mutuality.assessment.AssessmentIntegrationTestSupport;
import org.mutuality.assessment.TestHttp;
import org.mutuality.platform.test.security.DemoAccount;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Submitting and reading submissions over HTTP against real PostgreSQL: scoring under the current
 * version, validation with one error per item, ownership, filters and paging.
 */
class SubmissionsIntegrationTests extends AssessmentIntegrationTestSupport {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void storesAScoredSubmissionAndAnswers201WithItsLocation() {
		UUID clientId = UUID.randomUUID();

		TestHttp.Response response = this.http.post("/api/assessments/phq-9/submissions", phq9(1, 0),
				newClientToken(clientId));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode submission = response.json();
		String id = submission.path("id").asString();
		assertThat(response.header("Location")).isEqualTo("/api/submissions/" + id);
		assertThat(submission.path("assessmentId").asString()).isEqualTo("phq-9");
		assertThat(submission.path("assessmentVersion").asInt()).isEqualTo(1);
		assertThat(submission.path("clientId").asString()).isEqualTo(clientId.toString());
		assertThat(submission.path("submittedAt").asString()).endsWith("Z");
		assertThat(submission.path("totalScore").asInt()).isEqualTo(8);
		assertThat(submission.path("band").path("code").asString()).isEqualTo("MILD");
		assertThat(submission.path("band").path("label").asString()).isNotBlank();
		assertThat(submission.path("band").path("description").asString()).isNotBlank();
		assertThat(submission.path("riskFlags")).isEmpty();
		assertThat(submission.path("recommendation").path("kind").asString()).isEqualTo("SELF_GUIDED");
		assertThat(submission.path("recommendation").path("message").asString()).isNotBlank();
		assertThat(submission.path("consentToContact").asBoolean()).isTrue();

		TestHttp.Response read = this.http.get("/api/submissions/" + id, newClientToken(clientId));
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json()).isEqualTo(submission);
	}

	@Test
	void raisesTheSelfHarmRiskFlagAndUrgentSupportForAnyItem9AnswerAboveZero() {
		TestHttp.Response response = this.http.post("/api/assessments/phq-9/submissions", phq9(0, 1),
				newClientToken(UUID.randomUUID()));

		assertThat(response.status()).isEqualTo(201);
		JsonNode submission = response.json();
		assertThat(submission.path("totalScore").asInt()).isEqualTo(1);
		assertThat(submission.path("riskFlags").findValuesAsString("")).isEmpty();
		assertThat(submission.path("riskFlags").get(0).asString()).isEqualTo("SELF_HARM_RISK");
		assertThat(submission.path("recommendation").path("kind").asString()).isEqualTo("URGENT_SUPPORT");
		assertThat(submission.path("recommendation").path("message").asString()).isNotBlank();
	}

	@Test
	void recommendsAConsultationFromModerateUp() {
		TestHttp.Response response = this.http.post("/api/assessments/gad-7/submissions", gad7(2),
				newClientToken(UUID.randomUUID()));

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().path("totalScore").asInt()).isEqualTo(14);
		assertThat(response.json().path("band").path("code").asString()).isEqualTo("MODERATE");
		assertThat(response.json().path("recommendation").path("kind").asString()).isEqualTo("BOOK_FREE_CONSULTATION");
	}

	@Test
	void answers400WithOneErrorPerOffendingItem() {
		String body = """
				{"answers": [
				  {"itemId": "q1", "value": 0}, {"itemId": "q2", "value": 7}, {"itemId": "q3", "value": 1},
				  {"itemId": "q3", "value": 2}, {"itemId": "q4", "value": 0}, {"itemId": "q5", "value": 0},
				  {"itemId": "q6", "value": 0}, {"itemId": "q7", "value": 0}, {"itemId": "q8", "value": 0},
				  {"itemId": "q42", "value": 0}, {"itemId": "q42", "value": 1}
				], "consentToContact": false}
				""";
		UUID clientId = UUID.randomUUID();

		JsonNode problem = this.http.post("/api/assessments/phq-9/submissions", body, newClientToken(clientId))
			.assertProblem(400);

		assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("answers[q2]", "answers[q3]",
				"answers[q9]", "answers[q42]");
		assertThat(problem.path("errors").findValuesAsString("message")).allSatisfy((message) -> assertThat(message)
			.isNotBlank());
		assertThat(this.http.get("/api/submissions", newClientToken(clientId)).json().path("totalItems").asInt())
			.isZero();
	}

	@Test
	void answers400ForAMalformedBody() {
		String token = newClientToken(UUID.randomUUID());

		this.http.post("/api/assessments/phq-9/submissions", "{\"answers\": [", token).assertProblem(400);
		JsonNode problem = this.http.post("/api/assessments/phq-9/submissions", "{\"consentToContact\": true}", token)
			.assertProblem(400);
		assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("answers");
	}

	/** 0.9 for item 9 is not an option; cut down to 0, it would score and hide the risk it may mean. */
	@Test
	void answers400ForAFractionalAnswerInsteadOfCuttingItDown() {
		String token = newClientToken(UUID.randomUUID());
		String answers = phq9(0, 0).replace("{\"itemId\":\"q9\",\"value\":0}", "{\"itemId\":\"q9\",\"value\":0.9}");
		assertThat(answers).contains("0.9");

		this.http.post("/api/assessments/phq-9/submissions", answers, token).assertProblem(400);
	}

	@Test
	void answers404ForSubmittingToAnUnknownAssessment() {
		this.http.post("/api/assessments/phq-99/submissions", phq9(0, 0), newClientToken(UUID.randomUUID()))
			.assertProblem(404);
	}

	@Test
	void listsOnlyTheClientsOwnSubmissionsNewestFirst() {
		UUID me = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		List<String> mine = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			mine.add(0, submit("phq-9", phq9(i, 0), me));
		}
		submit("phq-9", phq9(0, 0), other);

		JsonNode page = this.http.get("/api/submissions", newClientToken(me)).json();

		assertThat(page.path("items").findValuesAsString("id")).containsExactlyElementsOf(mine);
		assertThat(page.path("page").asInt()).isZero();
		assertThat(page.path("size").asInt()).isEqualTo(20);
		assertThat(page.path("totalItems").asInt()).isEqualTo(3);
		assertThat(page.path("totalPages").asInt()).isEqualTo(1);
		JsonNode filtered = this.http.get("/api/submissions?clientId=" + other, newClientToken(me)).json();
		assertThat(filtered.path("items")).isEmpty();
	}

	@Test
	void pagesThroughAList() {
		UUID me = UUID.randomUUID();
		List<String> newestFirst = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			newestFirst.add(0, submit("gad-7", gad7(i % 4), me));
		}

		JsonNode second = this.http.get("/api/submissions?page=1&size=2", newClientToken(me)).json();

		assertThat(second.path("items").findValuesAsString("id")).containsExactlyElementsOf(newestFirst.subList(2, 4));
		assertThat(second.path("page").asInt()).isEqualTo(1);
		assertThat(second.path("size").asInt()).isEqualTo(2);
		assertThat(second.path("totalItems").asInt()).isEqualTo(5);
		assertThat(second.path("totalPages").asInt()).isEqualTo(3);
	}

	@Test
	void letsTherapistsAndAdminsFilterAllSubmissionsByClientAndAssessment() {
		UUID client = UUID.randomUUID();
		String phq9 = submit("phq-9", phq9(1, 0), client);
		String gad7 = submit("gad-7", gad7(1), client);
		submit("gad-7", gad7(1), UUID.randomUUID());

		for (DemoAccount staff : List.of(DemoAccount.THERAPIST1, DemoAccount.ADMIN1)) {
			JsonNode byClient = this.http.get("/api/submissions?clientId=" + client, tokenFor(staff)).json();
			assertThat(byClient.path("items").findValuesAsString("id")).containsExactly(gad7, phq9);
			JsonNode byBoth = this.http.get("/api/submissions?clientId=" + client + "&assessmentId=phq-9",
					tokenFor(staff))
				.json();
			assertThat(byBoth.path("items").findValuesAsString("id")).containsExactly(phq9);
			JsonNode all = this.http.get("/api/submissions?size=100", tokenFor(staff)).json();
			assertThat(all.path("totalItems").asInt()).isGreaterThanOrEqualTo(3);
		}
	}

	@Test
	void hidesAnotherClientsSubmissionWith404AndShowsItToStaff() {
		String id = submit("phq-9", phq9(2, 0), UUID.randomUUID());

		this.http.get("/api/submissions/" + id, newClientToken(UUID.randomUUID())).assertProblem(404);
		assertThat(this.http.get("/api/submissions/" + id, tokenFor(DemoAccount.THERAPIST2)).status()).isEqualTo(200);
		assertThat(this.http.get("/api/submissions/" + id, tokenFor(DemoAccount.ADMIN1)).status()).isEqualTo(200);
		this.http.get("/api/submissions/" + UUID.randomUUID(), tokenFor(DemoAccount.ADMIN1)).assertProblem(404);
	}

	@Test
	void answers400ForInvalidQueryValues() {
		String token = tokenFor(DemoAccount.THERAPIST1);

		assertThat(this.http.get("/api/submissions?size=0", token).assertProblem(400).path("errors")
			.findValuesAsString("field")).containsExactly("size");
		assertThat(this.http.get("/api/submissions?size=101", token).assertProblem(400).path("errors")
			.findValuesAsString("field")).containsExactly("size");
		assertThat(this.http.get("/api/submissions?page=-1", token).assertProblem(400).path("errors")
			.findValuesAsString("field")).containsExactly("page");
		assertThat(this.http.get("/api/submissions?clientId=nope", token).assertProblem(400).path("errors")
			.findValuesAsString("field")).containsExactly("clientId");
		assertThat(this.http.get("/api/submissions?assessmentId=nope", token).assertProblem(400).path("errors")
			.findValuesAsString("field")).containsExactly("assessmentId");
		this.http.get("/api/submissions/not-a-uuid", token).assertProblem(400);
	}

	@Test
	void answersARepeatedIdempotencyKeyWithTheFirstSubmissionAndMakesNoSecond() {
		UUID clientId = UUID.randomUUID();
		String token = newClientToken(clientId);
		String key = "assessment-" + UUID.randomUUID();
		String path = "/api/assessments/phq-9/submissions";

		TestHttp.Response first = this.http.post(path, phq9(1, 1), token, Map.of("Idempotency-Key", key));
		TestHttp.Response again = this.http.post(path, phq9(1, 1), token, Map.of("Idempotency-Key", key));
		TestHttp.Response otherAnswers = this.http.post(path, phq9(2, 1), token, Map.of("Idempotency-Key", key));

		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.header("Location")).isEqualTo(first.header("Location"));
		assertThat(again.json()).isEqualTo(first.json());
		assertThat(otherAnswers.assertProblem(409).path("type").asString()).endsWith("/idempotency-key-reused");
		// one submission, so one event and one follow-up
		assertThat(this.jdbc.sql("select count(*) from submissions where client_id = ?").param(clientId)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from outbox_events where event_key = ?").param(clientId.toString())
			.query(Long.class).single()).isEqualTo(1);
		this.http.post(path, phq9(1, 1), token, Map.of("Idempotency-Key", "not a key")).assertProblem(400);
	}

	private String submit(String assessmentId, String body, UUID clientId) {
		TestHttp.Response response = this.http.post("/api/assessments/" + assessmentId + "/submissions", body,
				newClientToken(clientId));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("id").asString();
	}

}
