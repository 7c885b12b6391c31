package org.mutuality.assessment.submissions;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.mutuality.platform.security.CurrentUser;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Submitting an assessment ({@code POST /api/assessments/{id}/submissions}, clients only) and reading
 * submissions ({@code GET /api/submissions[/{id}]}); the role rules are in the security
 * configuration, ownership in {@link SubmissionService}.
 */
@RestController
@Validated
class SubmissionController {

	private final SubmissionService submissions;

	SubmissionController(SubmissionService submissions) {
		this.submissions = submissions;
	}

	@PostMapping("/api/assessments/{assessmentId}/submissions")
	ResponseEntity<SubmissionResponse> submit(@PathVariable String assessmentId,
			@Valid @RequestBody SubmitAssessmentRequest request, CurrentUser client) {
		SubmissionResponse submission = this.submissions.submit(assessmentId, request, client);
		return ResponseEntity.created(URI.create("/api/submissions/" + submission.id())).body(submission);
	}

	@GetMapping("/api/submissions")
	PageResponse<SubmissionResponse> list(@RequestParam(required = false) String assessmentId,
			@RequestParam(required = false) UUID clientId,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, CurrentUser user) {
		return this.submissions.list(new SubmissionFilter(assessmentId, clientId), page, size, user);
	}

	@GetMapping("/api/submissions/{id}")
	SubmissionResponse get(@PathVariable UUID id, CurrentUser user) {
		return this.submissions.get(id, user);
	}

}
