package org.mutuality.platform.problem;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The shape of Mutuality's problems, as the gateway and the security layer write them.
 */
class ProblemsTests {

	@Test
	void writesAStatusProblemWithAllItsMembersInOrder() {
		ProblemDetail problem = Problems.forStatus(HttpStatus.SERVICE_UNAVAILABLE, "/api/bookings");

		assertThat(new String(Problems.toJson(problem), StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"about:blank\","
				+ "\"title\":\"Service Unavailable\",\"status\":503,"
				+ "\"detail\":\"The service is temporarily unavailable; try again shortly\",\"instance\":\"/api/bookings\"}");
	}

	@Test
	void writesValidationErrorsAsAnArrayOfFieldAndMessage() {
		ProblemDetail problem = Problems.validation(List.of(new FieldViolation("start", "must be in the future")),
				"/api/bookings");

		assertThat(new String(Problems.toJson(problem), StandardCharsets.UTF_8))
			.endsWith("\"errors\":[{\"field\":\"start\",\"message\":\"must be in the future\"}]}");
	}

	@Test
	void givesADomainConflictItsOwnTypeAndATitleFromItsCode() {
		ConflictException conflict = new ConflictException("consultation-limit", "You already have an upcoming consultation");

		ProblemDetail problem = Problems.of(conflict, "/api/bookings");

		assertThat(problem.getStatus()).isEqualTo(409);
		assertThat(problem.getType()).hasToString("/problems/consultation-limit");
		assertThat(problem.getTitle()).isEqualTo("Consultation limit");
		assertThat(problem.getDetail()).isEqualTo("You already have an upcoming consultation");
		assertThat(conflict.code()).isEqualTo("consultation-limit");
	}

	@Test
	void keepsAGivenConflictTitle() {
		assertThat(Problems.of(new ConflictException("slug-taken", "Slug taken", "The slug is in use"), null).getTitle())
			.isEqualTo("Slug taken");
	}

	@Test
	void refusesAProblemCodeThatIsNotLowerCaseWordsJoinedByHyphens() {
		for (String code : List.of("Slot_Unavailable", "slot unavailable", "", "-slot", "../admin")) {
			assertThatIllegalArgumentException().isThrownBy(() -> new ConflictException(code, "detail"));
		}
	}

	@Test
	void refusesAProblemWithoutDetail() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NotFoundException(" "));
	}

	@Test
	void refusesAValidationProblemWithoutViolations() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ValidationProblem(List.of()));
	}

	@Test
	void describesTheCommonDomainProblems() {
		assertThat(Problems.of(NotFoundException.of("Article", "welcome"), "/x").getDetail())
			.isEqualTo("Article welcome was not found");
		assertThat(Problems.of(new PreconditionFailedException(), "/x").getStatus()).isEqualTo(412);
		ProblemDetail validation = Problems.of(ValidationProblem.of("phq-9-1", "is required"), "/x");
		assertThat(validation.getStatus()).isEqualTo(400);
		assertThat(validation.getProperties()).containsKey("errors");
	}

	@Test
	void hasAGenericDetailForEveryServerError() {
		assertThat(Problems.defaultDetail(HttpStatus.INTERNAL_SERVER_ERROR)).isEqualTo("An unexpected error occurred");
		assertThat(Problems.defaultDetail(HttpStatus.BAD_GATEWAY)).isEqualTo("An unexpected error occurred");
		assertThat(Problems.defaultDetail(HttpStatus.TOO_MANY_REQUESTS)).contains("Retry-After");
	}

}
