package org.mutuality.assessment.submissions;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.mutuality.assessment.AssessmentIntegrationTestSupport;
import org.mutuality.assessment.TestHttp;
import org.mutuality.assessment.instruments.InstrumentRegistry;
import org.mutuality.assessment.scoring.Answer;
import org.mutuality.assessment.scoring.ScoringEngine;
import org.mutuality.platform.test.security.DemoAccount;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a second version of PHQ-9 published (the registry's test fixture, whose mild band ends at 8
 * instead of 9), new submissions are scored under the new version and stored with it, while a
 * submission made under version 1 keeps its version 1 result.
 */
class SubmissionVersioningIntegrationTests extends AssessmentIntegrationTestSupport {

	@Autowired
	private InstrumentRegistry registry;

	@Autowired
	private ScoringEngine scoring;

	@Autowired
	private SubmissionRepository submissions;

	@Test
	void offersAndScoresUnderTheCurrentVersion() {
		JsonNode assessment = this.http.get("/api/assessments/phq-9").json();
		assertThat(assessment.path("version").asInt()).isEqualTo(2);

		TestHttp.Response response = this.http.post("/api/assessments/phq-9/submissions", phq9Totalling9(),
				newClientToken(UUID.randomUUID()));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.json().path("assessmentVersion").asInt()).isEqualTo(2);
		assertThat(response.json().path("totalScore").asInt()).isEqualTo(9);
		assertThat(response.json().path("band").path("code").asString()).isEqualTo("MODERATE");
		assertThat(response.json().path("recommendation").path("kind").asString()).isEqualTo("BOOK_FREE_CONSULTATION");
	}

	@Test
	void keepsTheResultOfASubmissionMadeUnderAnOlderVersion() {
		UUID client = UUID.randomUUID();
		List<Answer> answers = IntStream.rangeClosed(1, 9).mapToObj((item) -> new Answer("q" + item, (item == 1) ? 2 : 1))
			.map((answer) -> (answer.itemId().equals("q9")) ? new Answer("q9", 0) : answer)
			.toList();
		Submission underVersion1 = this.submissions.save(Submission.of(client,
				Instant.now().truncatedTo(ChronoUnit.MICROS), answers,
				this.scoring.score(this.registry.find("phq-9", 1).orElseThrow(), answers), false));

		JsonNode read = this.http.get("/api/submissions/" + underVersion1.getId(), tokenFor(DemoAccount.ADMIN1))
			.json();

		assertThat(read.path("assessmentVersion").asInt()).isEqualTo(1);
		assertThat(read.path("totalScore").asInt()).isEqualTo(9);
		assertThat(read.path("band").path("code").asString()).isEqualTo("MILD");
		assertThat(read.path("recommendation").path("kind").asString()).isEqualTo("SELF_GUIDED");
	}

	/** Items 1 to 8 answered 1, item 1 answered 2, item 9 answered 0: a total of 9. */
	private static String phq9Totalling9() {
		return phq9(1, 0).replace("{\"itemId\":\"q1\",\"value\":1}", "{\"itemId\":\"q1\",\"value\":2}");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class SecondVersionOfPhq9 {

		@Bean
		@Primary
		InstrumentRegistry registryWithPhq9Version2() {
			return InstrumentRegistry.fromLocations(InstrumentRegistry.DEFAULT_LOCATION,
					"classpath:org/mutuality/assessment/instruments/fixtures/phq-9/v2.json");
		}

	}

}
