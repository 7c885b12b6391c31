package org.mutuality.booking.bookings;

import java.time.Instant;
import java.util.UUID;

import org.mutuality.platform.security.CurrentUser;

import org.springframework.data.jpa.domain.Specification;

/**
 * The filters of the bookings list, and who sees which bookings: a client their own, a therapist
 * their own calendar, an admin all.
 */
final class BookingSpecifications {

	private BookingSpecifications() {
	}

	/** The bookings the user may see; a user with several roles sees the union. */
	static Specification<Booking> visibleTo(CurrentUser user) {
		if (user.isAdmin()) {
			return (root, query, cb) -> cb.conjunction();
		}
		UUID id = user.id();
		return (root, query, cb) -> {
			if (user.isClient() && user.isTherapist()) {
				return cb.or(cb.equal(root.get("clientId"), id), cb.equal(root.get("therapistId"), id));
			}
			if (user.isTherapist()) {
				return cb.equal(root.get("therapistId"), id);
			}
			if (user.isClient()) {
				return cb.equal(root.get("clientId"), id);
			}
			return cb.disjunction();
		};
	}

	static Specification<Booking> startsFrom(Instant from) {
		return (root, query, cb) -> (from != null) ? cb.greaterThanOrEqualTo(root.get("start"), from) : null;
	}

	static Specification<Booking> startsBefore(Instant to) {
		return (root, query, cb) -> (to != null) ? cb.lessThan(root.get("start"), to) : null;
	}

	static Specification<Booking> hasStatus(BookingStatus status) {
		return (root, query, cb) -> (status != null) ? cb.equal(root.get("status"), status) : null;
	}

}
