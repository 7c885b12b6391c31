package org.mutuality.booking.bookings;

import java.time.Instant;
import java.util.UUID;

import org.mutuality.booking.web.PageResponse;
import org.mutuality.platform.problem.NotFoundException;
import org.mutuality.platform.security.CurrentUser;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads bookings for the people who may see them: clients their own, therapists their own
 * calendar, admins all. Anyone else's booking is not found.
 */
@Service
class BookingQueryService {

	private static final Sort BY_START = Sort.by("start", "id");

	private final BookingRepository bookings;

	BookingQueryService(BookingRepository bookings) {
		this.bookings = bookings;
	}

	@Transactional(readOnly = true)
	PageResponse<BookingResponse> list(CurrentUser user, Instant from, Instant to, BookingStatus status, int page,
			int size) {
		Specification<Booking> specification = Specification.allOf(BookingSpecifications.visibleTo(user),
				BookingSpecifications.startsFrom(from), BookingSpecifications.startsBefore(to),
				BookingSpecifications.hasStatus(status));
		return PageResponse.of(this.bookings.findAll(specification, PageRequest.of(page, size, BY_START)),
				BookingResponse::of);
	}

	@Transactional(readOnly = true)
	BookingResponse get(CurrentUser user, UUID id) {
		return BookingResponse.of(visible(this.bookings.findById(id).orElse(null), user, id));
	}

	/** The booking if the user may see it; not found otherwise, so that no one learns it exists. */
	static Booking visible(Booking booking, CurrentUser user, UUID id) {
		if (booking == null || !(user.isAdmin() || (user.isClient() && booking.getClientId().equals(user.id()))
				|| (user.isTherapist() && booking.getTherapistId().equals(user.id())))) {
			throw NotFoundException.of("Booking", id);
		}
		return booking;
	}

}
