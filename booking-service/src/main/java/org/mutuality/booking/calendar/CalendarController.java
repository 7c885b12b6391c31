package org.mutuality.booking.calendar;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mutuality.platform.openapi.ServiceOpenApi;
import org.mutuality.platform.security.CurrentUser;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Therapists' calendars: their own with a bearer token, or through the private subscription URL,
 * and managing that URL.
 */
@RestController
@Tag(name = "Calendars")
class CalendarController {

	static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	private final CalendarService service;

	CalendarController(CalendarService service) {
		this.service = service;
	}

	@Operation(summary = "The caller's upcoming bookings as an RFC 5545 calendar", description = """
			Roles: therapist.""", security = @SecurityRequirement(name = ServiceOpenApi.BEARER))
	@ApiResponse(responseCode = "200", description = "The calendar",
			content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
	@GetMapping("/api/therapists/me/calendar.ics")
	ResponseEntity<String> myCalendar(CurrentUser therapist) {
		return calendar(this.service.calendarOf(therapist.id()));
	}

	@Operation(summary = "A therapist's calendar through its private subscription URL", description = """
			Roles: anyone holding the therapist's subscription token (no bearer token: calendar apps cannot send \
			one). An addition to API.md's table; 404 without a valid token.""")
	@ApiResponse(responseCode = "200", description = "The calendar",
			content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
	@GetMapping("/api/therapists/{id}/calendar.ics")
	ResponseEntity<String> subscribedCalendar(@PathVariable UUID id, @RequestParam(required = false) String token) {
		return calendar(this.service.subscribedCalendar(id, token));
	}

	@Operation(summary = "Make a new private subscription URL for the caller's calendar", description = """
			Roles: therapist. An addition to API.md's table. The URL is shown only in this answer; a new one \
			replaces the old.""", security = @SecurityRequirement(name = ServiceOpenApi.BEARER))
	@PostMapping("/api/therapists/me/calendar-subscription")
	@ResponseStatus(HttpStatus.CREATED)
	CalendarSubscriptionResponse subscribe(CurrentUser therapist) {
		return this.service.subscribe(therapist.id());
	}

	@Operation(summary = "Revoke the caller's calendar subscription URL", description = """
			Roles: therapist. An addition to API.md's table.""", security = @SecurityRequirement(name = ServiceOpenApi.BEARER))
	@DeleteMapping("/api/therapists/me/calendar-subscription")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(CurrentUser therapist) {
		this.service.revoke(therapist.id());
	}

	private static ResponseEntity<String> calendar(String ics) {
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.cacheControl(CacheControl.noStore().cachePrivate())
			.header("Content-Disposition", "inline; filename=\"consultations.ics\"")
			.body(ics);
	}

}
