package org.mutuality.booking.bookings;

import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A therapist's free consultation slots, public.
 */
@RestController
@Tag(name = "Slots")
class SlotController {

	private final SlotSearchService service;

	SlotController(SlotSearchService service) {
		this.service = service;
	}

	/**
	 * The free slots from {@code from} to {@code to} (inclusive, at most 62 days) in {@code timeZone},
	 * by default the therapist's own.
	 */
	@Operation(summary = "A therapist's free consultation slots between two dates", description = """
			Roles: anyone. `from` and `to` are dates (inclusive, at most 62 days apart) in `timeZone`, by \
			default the therapist's own. Never in the past, inside the minimum notice, past the horizon, over a \
			booking or its buffer, or on a day off; clock changes handled in the therapist's zone.""")
	@GetMapping("/api/therapists/{id}/slots")
	SlotsResponse slots(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String timeZone) {
		return this.service.search(id, from, to, timeZone);
	}

}
