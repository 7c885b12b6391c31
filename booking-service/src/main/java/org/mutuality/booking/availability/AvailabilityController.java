package org.mutuality.booking.availability;

import jakarta.validation.Valid;
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
class AvailabilityController {

	private final AvailabilityService service;

	AvailabilityController(AvailabilityService service) {
		this.service = service;
	}

	@GetMapping
	AvailabilityResponse get(CurrentUser user) {
		return this.service.get(user.id());
	}

	@PutMapping
	AvailabilityResponse replace(CurrentUser user, @Valid @RequestBody AvailabilityRequest request) {
		return this.service.replace(user.id(), request);
	}

}
