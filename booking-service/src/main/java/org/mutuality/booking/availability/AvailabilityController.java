package org.mutuality.booking.availability;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.mutuality.platform.openapi.ServiceOpenApi;
import org.mutuality.platform.security.CurrentUser;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A therapist's own weekly availability and date overrides.
 */
@RestController
@RequestMapping("/api/therapists/me/availability")
@Tag(name = "Availability")
class AvailabilityController {

	private final AvailabilityService service;

	AvailabilityController(AvailabilityService service) {
		this.service = service;
	}

	@Operation(summary = "The caller's weekly availability and date overrides", description = """
			Roles: therapist. 404 until the therapist has a profile.""", security = @SecurityRequirement(name = ServiceOpenApi.BEARER))
	@GetMapping
	AvailabilityResponse get(CurrentUser user) {
		return this.service.get(user.id());
	}

	@Operation(summary = "Replace the caller's weekly availability and date overrides", description = """
			Roles: therapist. An override with no intervals is a day off; intervals must not overlap (400, one \
			`errors` entry each).""", security = @SecurityRequirement(name = ServiceOpenApi.BEARER))
	@PutMapping
	AvailabilityResponse replace(CurrentUser user, @Valid @RequestBody AvailabilityRequest request) {
		return this.service.replace(user.id(), request);
	}

}
