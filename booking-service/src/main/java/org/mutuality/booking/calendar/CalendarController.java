package org.mutuality.booking.calendar;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

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
class CalendarController {

	static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	private final CalendarService service;

	CalendarController(CalendarService service) {
		this.service = service;
	}

	@GetMapping("/api/therapists/me/calendar.ics")
	ResponseEntity<String> myCalendar(CurrentUser therapist) {
		return calendar(this.service.calendarOf(therapist.id()));
	}

	@GetMapping("/api/therapists/{id}/calendar.ics")
	ResponseEntity<String> subscribedCalendar(@PathVariable UUID id, @RequestParam(required = false) String token) {
		return calendar(this.service.subscribedCalendar(id, token));
	}

	@PostMapping("/api/therapists/me/calendar-subscription")
	@ResponseStatus(HttpStatus.CREATED)
	CalendarSubscriptionResponse subscribe(CurrentUser therapist) {
		return this.service.subscribe(therapist.id());
	}

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
