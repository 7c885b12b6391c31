package org.mutuality.booking.therapists;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.mutuality.platform.openapi.ServiceOpenApi;
import org.mutuality.platform.security.CurrentUser;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Therapists' public profiles, and a therapist's own ({@code /api/therapists/me}).
 */
@RestController
@RequestMapping("/api/therapists")
@Tag(name = "Therapists")
class TherapistController {

	private final TherapistService service;

	TherapistController(TherapistService service) {
		this.service = service;
	}

	@Operation(summary = "Every therapist's public profile", description = "Roles: anyone.")
	@GetMapping
	List<TherapistResponse> list() {
		return this.service.list();
	}

	@Operation(summary = "One therapist's public profile", description = "Roles: anyone.")
	@GetMapping("/{id}")
	TherapistResponse get(@PathVariable UUID id) {
		return this.service.get(id);
	}

	@Operation(summary = "The caller's own profile, with the booking settings clients do not see", description = """
			Roles: therapist. An addition to API.md's table (the web UI's profile page reads it); 404 until \
			the profile is created with PUT.""", security = @SecurityRequirement(name = ServiceOpenApi.BEARER))
	@GetMapping("/me")
	TherapistResponse me(CurrentUser user) {
		return this.service.get(user.id());
	}

	/** Creates (201) or replaces (200) the caller's profile. */
	@Operation(summary = "Create or replace the caller's own profile", description = """
			Roles: therapist. The public fields plus `bufferMinutes`, `minimumNoticeHours` and `horizonDays`; \
			201 when it is created, 200 when it is replaced.""", security = @SecurityRequirement(name = ServiceOpenApi.BEARER))
	@ApiResponse(responseCode = "200", description = "The profile, replaced", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "201", description = "The profile, created",
			headers = @Header(name = "Location", description = "/api/therapists/{id}"), useReturnTypeSchema = true)
	@PutMapping("/me")
	ResponseEntity<TherapistResponse> save(CurrentUser user, @Valid @RequestBody TherapistProfileRequest request) {
		TherapistService.Saved saved = this.service.save(user, request);
		if (saved.created()) {
			return ResponseEntity.created(URI.create("/api/therapists/" + user.id())).body(saved.therapist());
		}
		return ResponseEntity.ok(saved.therapist());
	}

}
