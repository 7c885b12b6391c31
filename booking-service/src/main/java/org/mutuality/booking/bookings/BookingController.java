package org.mutuality.booking.bookings;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.mutuality.booking.web.PageResponse;
import org.mutuality.platform.security.CurrentUser;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bookings: booking a free slot, the caller's list, one booking, cancelling and rescheduling.
 */
@RestController
@RequestMapping("/api/bookings")
class BookingController {

	private final BookingQueryService queries;

	private final BookingService bookings;

	BookingController(BookingQueryService queries, BookingService bookings) {
		this.queries = queries;
		this.bookings = bookings;
	}

	/**
	 * Books a free slot: 201 with the booking, or, for a repeated {@code Idempotency-Key}, the first
	 * answer again (marked {@code Idempotent-Replayed: true}).
	 */
	@PostMapping
	ResponseEntity<?> book(CurrentUser client,
			@RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
			@Valid @RequestBody BookingRequest request) {
		BookingService.Booked booked = this.bookings.book(client, request, idempotencyKey);
		if (booked.replayed()) {
			IdempotencyKeys.Stored answer = booked.replayedAnswer();
			return ResponseEntity.status(answer.status())
				.location(location(answer.bookingId()))
				.header("Idempotent-Replayed", "true")
				.contentType(MediaType.APPLICATION_JSON)
				.body(answer.body());
		}
		return ResponseEntity.created(location(booked.booking().id())).body(booked.booking());
	}

	@PostMapping("/{id}/cancel")
	BookingResponse cancel(CurrentUser user, @PathVariable UUID id,
			@Valid @RequestBody(required = false) CancelRequest request) {
		return this.bookings.cancel(user, id, (request != null) ? request.reason() : null);
	}

	@PostMapping("/{id}/reschedule")
	BookingResponse reschedule(CurrentUser user, @PathVariable UUID id, @Valid @RequestBody RescheduleRequest request) {
		return this.bookings.reschedule(user, id, request.start().toInstant());
	}

	@GetMapping
	PageResponse<BookingResponse> list(CurrentUser user, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) BookingStatus status,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.queries.list(user, InstantParameters.lowerBound("from", from),
				InstantParameters.upperBound("to", to), status, page, size);
	}

	@GetMapping("/{id}")
	BookingResponse get(CurrentUser user, @PathVariable UUID id) {
		return this.queries.get(user, id);
	}

	private static URI location(UUID id) {
		return URI.create("/api/bookings/" + id);
	}

}
