package org.mutuality.assessment.submissions;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.mutuality.platform.idempotency.IdempotencyKeys;
import org.mutuality.platform.openapi.ServiceOpenApi;
import org.mutuality.platform.problem.FieldViolation;
import org.mutuality.platform.problem.ValidationProblem;
import org.mutuality.platform.security.CurrentUser;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Submitting an assessment ({@code POST /api/assessments/{id}/submissions}, clients only) and reading
 * submissions ({@code GET /api/submissions[/{id}]}); the role rules are in the security
 * configuration, ownership in {@link SubmissionService}.
 */
@RestController
@Validated
@Tag(name = "Submissions")
class SubmissionController {

	private final SubmissionService submissions;

	SubmissionController(SubmissionService submissions) {
		this.submissions = submissions;
	}

	@Operation(summary = "Submit answers: scored under the current version, stored, announced as an event",
			description = """
					Roles: client. One answer per item; a missing required item, an unknown item or a value \
					outside the item's options is 400 with one `errors` entry per offending item id.""",
			security = @SecurityRequirement(name = ServiceOpenApi.BEARER))
	@ApiResponse(responseCode = "201", description = "The scored submission (or, for a repeated Idempotency-Key, the "
			+ "first request's answer with the header Idempotent-Replayed)",
			headers = @Header(name = "Location", description = "/api/submissions/{id}"),
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = SubmissionResponse.class)))
	@ApiResponse(responseCode = "409", description = "The Idempotency-Key was used with other answers")
	@ApiResponse(responseCode = "415", description = "The body is not application/json")
	@PostMapping("/api/assessments/{id}/submissions")
	ResponseEntity<?> submit(@Parameter(description = "The assessment's id, such as phq-9")
			@PathVariable("id") String assessmentId,
			@Parameter(description = "Makes a retried request safe: the first answer is replayed, and other answers "
					+ "with the same key are a 409") @RequestHeader(name = IdempotencyKeys.HEADER,
							required = false) String idempotencyKey,
			@Valid @RequestBody SubmitAssessmentRequest request, CurrentUser client) {
		List<FieldViolation> answerErrors = request.answerErrors();
		if (!answerErrors.isEmpty()) {
			throw new ValidationProblem(answerErrors);
		}
		SubmissionService.Submitted submitted = this.submissions.submit(assessmentId, request, client, idempotencyKey);
		if (submitted.replayed()) {
			return submitted.replayedAnswer().replay(SubmissionController::location);
		}
		return ResponseEntity.created(location(submitted.submission().id())).body(submitted.submission());
	}

	private static URI location(UUID submissionId) {
		return URI.create("/api/submissions/" + submissionId);
	}

	@Operation(summary = "A page of submissions, newest first", description = """
			Roles: client (own only, whatever the filters say), therapist, admin (all).""",
			security = @SecurityRequirement(name = ServiceOpenApi.BEARER))
	@GetMapping("/api/submissions")
	PageResponse<SubmissionResponse> list(@RequestParam(required = false) String assessmentId,
			@RequestParam(required = false) UUID clientId,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, CurrentUser user) {
		return this.submissions.list(new SubmissionFilter(assessmentId, clientId), page, size, user);
	}

	@Operation(summary = "One submission", description = """
			Roles: its client, therapist, admin. Another client's submission answers 404.""",
			security = @SecurityRequirement(name = ServiceOpenApi.BEARER))
	@GetMapping("/api/submissions/{id}")
	SubmissionResponse get(@PathVariable UUID id, CurrentUser user) {
		return this.submissions.get(id, user);
	}

}
