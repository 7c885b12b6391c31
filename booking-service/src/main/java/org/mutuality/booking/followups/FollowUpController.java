package org.mutuality.booking.followups;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.mutuality.booking.web.PageResponse;
import org.mutuality.platform.openapi.ServiceOpenApi;
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
@Tag(name = "Follow-ups")
class FollowUpController {

	private final FollowUpService service;

	FollowUpController(FollowUpService service) {
		this.service = service;
	}

	@Operation(summary = "A page of the follow-up queue, URGENT first, then oldest first", description = """
			Roles: therapist, admin.""", security = @SecurityRequirement(name = ServiceOpenApi.BEARER))
	@GetMapping
	PageResponse<FollowUpResponse> queue(@RequestParam(required = false) FollowUpStatus status,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.service.queue(status, page, size);
	}

	@Operation(summary = "The caller's own follow-ups (invitations to book)", description = """
			Roles: client.""", security = @SecurityRequirement(name = ServiceOpenApi.BEARER))
	@GetMapping("/mine")
	PageResponse<FollowUpResponse> mine(CurrentUser client, @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.service.mine(client.id(), page, size);
	}

	@Operation(summary = "Claim a follow-up", description = """
			Roles: therapist. Claiming one's own claim again is fine; 409 if another therapist holds it or it is \
			closed.""", security = @SecurityRequirement(name = ServiceOpenApi.BEARER))
	@ApiResponse(responseCode = "200", description = "The follow-up, CLAIMED by the caller", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "409", description = "Another therapist holds it, or it is closed")
	@PostMapping("/{id}/claim")
	FollowUpResponse claim(CurrentUser therapist, @PathVariable UUID id) {
		return this.service.claim(therapist, id);
	}

	@Operation(summary = "Close a follow-up with its outcome", description = """
			Roles: the claiming therapist, admin.""", security = @SecurityRequirement(name = ServiceOpenApi.BEARER))
	@ApiResponse(responseCode = "200", description = "The follow-up, CLOSED", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "409", description = "Not claimed, claimed by another therapist, or closed already")
	@PostMapping("/{id}/close")
	FollowUpResponse close(CurrentUser user, @PathVariable UUID id, @Valid @RequestBody CloseFollowUpRequest request) {
		return this.service.close(user, id, request.outcome());
	}

}
