package org.mutuality.booking.followups;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.mutuality.booking.web.PageResponse;
import org.mutuality.platform.security.CurrentUser;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The therapists' follow-up queue, claiming and closing, and a client's own follow-ups.
 */
@RestController
@RequestMapping("/api/follow-ups")
class FollowUpController {

	private final FollowUpService service;

	FollowUpController(FollowUpService service) {
		this.service = service;
	}

	@GetMapping
	PageResponse<FollowUpResponse> queue(@RequestParam(required = false) FollowUpStatus status,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.service.queue(status, page, size);
	}

	@GetMapping("/mine")
	PageResponse<FollowUpResponse> mine(CurrentUser client, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.service.mine(client.id(), page, size);
	}

	@PostMapping("/{id}/claim")
	FollowUpResponse claim(CurrentUser therapist, @PathVariable UUID id) {
		return this.service.claim(therapist, id);
	}

	@PostMapping("/{id}/close")
	FollowUpResponse close(CurrentUser user, @PathVariable UUID id, @Valid @RequestBody CloseFollowUpRequest request) {
		return this.service.close(user, id, request.outcome());
	}

}
