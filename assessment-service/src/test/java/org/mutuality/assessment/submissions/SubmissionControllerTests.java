package org.mutuality.assessment.submissions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mutuality.assessment.instruments.RecommendationKind;
import org.mutuality.platform.problem.NotFoundException;
import org.mutuality.platform.security.CurrentUser;
import org.mutuality.platform.test.security.DemoAccount;
import org.mutuality.platform.test.security.TestIdentityProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The submissions controller alone, its service mocked: how requests map to calls and answers to
 * HTTP, with the platform's token handling and problem+json.
 */
@WebMvcTest(SubmissionController.class)
class SubmissionControllerTests {

	private static final TestIdentityProvider idp = TestIdentityProvider.shared();

	private static final UUID CLIENT1 = UUID.fromString(DemoAccount.CLIENT1.id());

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private SubmissionService submissions;

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", idp::issuerUri);
	}

	@Test
	void answersASubmissionWith201AndItsLocation() throws Exception {
		SubmissionResponse submission = submission();
		given(this.submissions.submit(eq("gad-7"), any(), any(), any()))
			.willReturn(new SubmissionService.Submitted(submission, null));

		this.mvc.perform(post("/api/assessments/gad-7/submissions").header("Authorization", bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"answers\": [{\"itemId\": \"q1\", \"value\": 2}], \"consentToContact\": true}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/submissions/" + submission.id()))
			.andExpect(jsonPath("$.id").value(submission.id().toString()))
			.andExpect(jsonPath("$.band.code").value("MILD"))
			.andExpect(jsonPath("$.recommendation.kind").value("SELF_GUIDED"));
		then(this.submissions).should()
			.submit(eq("gad-7"),
					argThat((request) -> request.consents() && request.answers().get(0).itemId().equals("q1")
							&& request.answers().get(0).value() == 2),
					argThat((CurrentUser user) -> user.id().equals(CLIENT1) && user.displayName().equals("Alex Morgan")),
					isNull());
	}

	@Test
	void rejectsAnAnswerWithoutItemIdBeforeScoring() throws Exception {
		this.mvc.perform(post("/api/assessments/gad-7/submissions").header("Authorization", bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"answers\": [{\"value\": 2}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("answers[0].itemId"));
		then(this.submissions).should(never()).submit(any(), any(), any(), any());
	}

	@Test
	void checksTheAnswersOneByOneOnlyWhenThereAreNotTooMany() throws Exception {
		String emptyAnswers = String.join(",", java.util.Collections.nCopies(50_000, "{}"));
		this.mvc.perform(post("/api/assessments/gad-7/submissions").header("Authorization", bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"answers\": [" + emptyAnswers + "]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("answers"));
		this.mvc.perform(post("/api/assessments/gad-7/submissions").header("Authorization", bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"answers\": [{}, null]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("answers[0].itemId",
					"answers[0].value", "answers[1]")));
		then(this.submissions).should(never()).submit(any(), any(), any(), any());
	}

	@Test
	void answers415ForABodyThatIsNotJson() throws Exception {
		this.mvc.perform(post("/api/assessments/gad-7/submissions").header("Authorization", bearer())
			.contentType(MediaType.TEXT_PLAIN)
			.content("q1=2"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void passesFiltersAndPagingToTheService() throws Exception {
		UUID client = UUID.randomUUID();
		given(this.submissions.list(any(), anyInt(), anyInt(), any()))
			.willReturn(new PageResponse<>(List.of(submission()), 2, 5, 11, 3));

		this.mvc.perform(get("/api/submissions?assessmentId=phq-9&clientId=" + client + "&page=2&size=5")
			.header("Authorization", bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.page").value(2))
			.andExpect(jsonPath("$.size").value(5))
			.andExpect(jsonPath("$.totalItems").value(11))
			.andExpect(jsonPath("$.totalPages").value(3));
		then(this.submissions).should()
			.list(eq(new SubmissionFilter("phq-9", client)), eq(2), eq(5), argThat((user) -> user.id().equals(CLIENT1)));
	}

	@Test
	void takesEmptyFiltersAsNone() throws Exception {
		given(this.submissions.list(any(), anyInt(), anyInt(), any()))
			.willReturn(new PageResponse<>(List.of(), 0, 20, 0, 0));

		this.mvc.perform(get("/api/submissions?assessmentId=&clientId=").header("Authorization", bearer()))
			.andExpect(status().isOk());
		then(this.submissions).should().list(eq(new SubmissionFilter(null, null)), anyInt(), anyInt(), any());
	}

	@Test
	void answersTheServicesNotFoundWith404Problem() throws Exception {
		UUID id = UUID.randomUUID();
		given(this.submissions.get(eq(id), any())).willThrow(NotFoundException.of("Submission", id));

		this.mvc.perform(get("/api/submissions/" + id).header("Authorization", bearer()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.instance").value("/api/submissions/" + id));
	}

	private static String bearer() {
		return "Bearer " + idp.tokenFor(DemoAccount.CLIENT1);
	}

	private static SubmissionResponse submission() {
		return new SubmissionResponse(UUID.randomUUID(), "gad-7", 1, CLIENT1, Instant.parse("2026-11-22T04:00:00Z"), 6,
				new SubmissionResponse.BandResponse("MILD", "Mild", "Some signs of anxiety."), List.of(), List.of(),
				new SubmissionResponse.RecommendationResponse(RecommendationKind.SELF_GUIDED, "Read on."), true,
				List.of(new SubmissionResponse.AnswerResponse("q1", 2)));
	}

}
