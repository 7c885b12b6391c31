package org.mutuality.assessment.submissions;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mutuality.assessment.AssessmentIntegrationTestSupport;
import org.mutuality.assessment.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code logging.structured.format.console=ecs} (in production: the environment variable
 * {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}, no code or profile) every console line is one JSON object in
 * Elastic Common Schema, and the lines written while serving a request carry its trace and span ids (as
 * {@code traceId} and {@code spanId}).
 */
@TestPropertySource(properties = { "logging.structured.format.console=ecs",
		"logging.level.org.mutuality.assessment.submissions=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingIntegrationTests extends AssessmentIntegrationTestSupport {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void writesJsonLinesThatCarryTheTraceId(CapturedOutput output) {
		String traceId = "0af7651916cd43dd8448eb211c80319c";
		TestHttp.Response response = this.http.post("/api/assessments/gad-7/submissions", gad7(1),
				newClientToken(UUID.randomUUID()), Map.of("traceparent", "00-" + traceId + "-b7ad6b7169203331-01"));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		String submissionId = response.json().path("id").asString();

		List<String> lines = output.getOut().lines().filter((line) -> line.contains(submissionId)).toList();
		assertThat(lines).singleElement().asString().startsWith("{");
		JsonNode line = json.readTree(lines.get(0));
		assertThat(line.path("message").asString()).startsWith("Stored submission " + submissionId);
		assertThat(line.at("/log/level").asString()).isEqualTo("DEBUG");
		assertThat(line.at("/service/name").asString()).isEqualTo("assessment-service");
		assertThat(line.path("traceId").asString()).isEqualTo(traceId);
		assertThat(line.path("spanId").asString()).matches("[0-9a-f]{16}");
	}

}
