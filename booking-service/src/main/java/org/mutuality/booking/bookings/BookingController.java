package org.mutuality.booking.bookings;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.mutuality.booking.web.PageResponse;
import org.mutuality.platform.idempotency.IdempotencyKeys;
import org.mutuality.platform.openapi.ServiceOpenApi;
import org.mutuality.platform.security.CurrentUser;

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
@Tag(name = "Bookings")
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
	@Operation(summary = "Book a free consultation slot", description = """
			Roles: client. 409 `slot-unavailable` if the start is not a free slot or was just taken, 409 \
			`consultation-limit` if the client already has an upcoming free consultation. The same \
			`Idempotency-Key` with the same body replays the first answer (`Idempotent-Replayed: true`); with \
			another body it is 409. A `followUpId` of the client's own follow-up marks it BOOKED.""",
			security = @SecurityRequirement(name = ServiceOpenApi.BEARER))
	@ApiResponse(responseCode = "201", description = "The booking, CONFIRMED",
			headers = @Header(name = "Location", description = "/api/bookings/{id}"),
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = BookingResponse.class)))
	@ApiResponse(responseCode = "409", description = "The slot is not free, the client's limit is reached, or the "
			+ "idempotency key was used with another body")
	@PostMapping
	ResponseEntity<?> book(CurrentUser client,
			@Parameter(description = "Makes a retried request safe: the first answer is replayed") @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
			@Valid @RequestBody BookingRequest request) {
		BookingService.Booked booked = this.bookings.book(client, request, idempotencyKey);
		if (booked.replayed()) {
			return booked.replayedAnswer().replay(BookingController::location);
		}
		return ResponseEntity.created(location(booked.booking().id())).body(booked.booking());
	}

	@Operation(summary = "Cancel a booking; its slot is free again", description = """
			Roles: its client, its therapist, admin. 404 for anyone else.""",
			security = @SecurityRequirement(name = ServiceOpenApi.BEARER))
	@ApiResponse(responseCode = "200", description = "The booking, CANCELLED", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "409",
			description = "The booking is cancelled already, or has begun (`booking-started`): a past one stays as it was")
	@PostMapping("/{id}/cancel")
	BookingResponse cancel(CurrentUser user, @PathVariable UUID id,
			@Valid @RequestBody(required = false) CancelRequest request) {
		return this.bookings.cancel(user, id, (request != null) ? request.reason() : null);
	}

	@Operation(summary = "Move a booking to another free slot", description = """
			Roles: its client, its therapist, admin. Moves it atomically, or answers 409 and leaves it as it \
			was. 404 for anyone else.""", security = @SecurityRequirement(name = ServiceOpenApi.BEARER))
	@ApiResponse(responseCode = "200", description = "The booking at its new time", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "409",
			description = "The new start is not a free slot, or the booking is cancelled or has begun (`booking-started`)")
	@PostMapping("/{id}/reschedule")
	BookingResponse reschedule(CurrentUser user, @PathVariable UUID id, @Valid @RequestBody RescheduleRequest request) {
		return this.bookings.reschedule(user, id, request.start().toInstant());
	}

	@Operation(summary = "A page of bookings, by start", description = """
			Roles: client: own; therapist: own calendar; admin: all. `from` and `to` bound the start.""",
			security = @SecurityRequirement(name = ServiceOpenApi.BEARER))
	@GetMapping
	PageResponse<BookingResponse> list(CurrentUser user, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) BookingStatus status,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.queries.list(user, InstantParameters.lowerBound("from", from),
				InstantParameters.upperBound("to", to), status, page, size);
	}

	@Operation(summary = "One booking", description = """
			Roles: its client, its therapist, admin. 404 for anyone else.""",
			security = @SecurityRequirement(name = ServiceOpenApi.BEARER))
	@GetMapping("/{id}")
	BookingResponse get(CurrentUser user, @PathVariable UUID id) {
		return this.queries.get(user, id);
	}

	private static URI location(UUID id) {
		return URI.create("/api/bookings/" + id);
	}

}
