package org.mutuality.booking.therapists;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
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
class TherapistController {

	private final TherapistService service;

	TherapistController(TherapistService service) {
		this.service = service;
	}

	@GetMapping
	List<TherapistResponse> list() {
		return this.service.list();
	}

	@GetMapping("/{id}")
	TherapistResponse get(@PathVariable UUID id) {
		return this.service.get(id);
	}

	@GetMapping("/me")
	TherapistResponse me(CurrentUser user) {
		return this.service.get(user.id());
	}

	/** Creates (201) or replaces (200) the caller's profile. */
	@PutMapping("/me")
	ResponseEntity<TherapistResponse> save(CurrentUser user, @Valid @RequestBody TherapistProfileRequest request) {
		TherapistService.Saved saved = this.service.save(user, request);
		if (saved.created()) {
			return ResponseEntity.created(URI.create("/api/therapists/" + user.id())).body(saved.therapist());
		}
		return ResponseEntity.ok(saved.therapist());
	}

}
