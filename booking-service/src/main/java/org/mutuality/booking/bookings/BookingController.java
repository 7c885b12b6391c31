package org.mutuality.booking.bookings;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.mutuality.booking.web.PageResponse;
import org.mutuality.platform.security.CurrentUser;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bookings: the caller's list and one booking.
 */
@RestController
@RequestMapping("/api/bookings")
class BookingController {

	private final BookingQueryService queries;

	BookingController(BookingQueryService queries) {
		this.queries = queries;
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

}
