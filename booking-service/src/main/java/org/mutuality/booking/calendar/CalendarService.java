package org.mutuality.booking.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.mutuality.booking.bookings.BookingRepository;
import org.mutuality.booking.config.BookingProperties;
import org.mutuality.booking.therapists.Therapist;
import org.mutuality.booking.therapists.TherapistRepository;
import org.mutuality.platform.problem.NotFoundException;
import org.mutuality.platform.text.Sha256;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A therapist's upcoming confirmed bookings as iCalendar, for themselves or through their private
 * subscription URL. Only a SHA-256 hash of the subscription token is stored; a wrong, missing or
 * revoked token is "not found", like an unknown therapist.
 */
@Service
class CalendarService {

	private static final int TOKEN_BYTES = 32;

	private final SecureRandom random = new SecureRandom();

	private final TherapistRepository therapists;

	private final BookingRepository bookings;

	private final BookingProperties properties;

	private final Clock clock;

	CalendarService(TherapistRepository therapists, BookingRepository bookings, BookingProperties properties,
			Clock clock) {
		this.therapists = therapists;
		this.bookings = bookings;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	String calendarOf(UUID therapistId) {
		Instant now = this.clock.instant();
		return IcsCalendar.write(this.bookings.findUpcomingOfTherapist(therapistId, now), now);
	}

	@Transactional(readOnly = true)
	String subscribedCalendar(UUID therapistId, String token) {
		Therapist therapist = this.therapists.findById(therapistId).orElse(null);
		if (therapist == null || token == null || therapist.getCalendarTokenHash() == null
				|| !MessageDigest.isEqual(Sha256.hex(token).getBytes(StandardCharsets.US_ASCII),
						therapist.getCalendarTokenHash().getBytes(StandardCharsets.US_ASCII))) {
			throw new NotFoundException("No calendar was found at this address");
		}
		return calendarOf(therapistId);
	}

	/** Makes a new subscription token, replacing (and so revoking) any earlier one. */
	@Transactional
	CalendarSubscriptionResponse subscribe(UUID therapistId) {
		Therapist therapist = this.therapists.findByIdForUpdate(therapistId)
			.orElseThrow(() -> new NotFoundException(
					"Therapist " + therapistId + " has no profile yet; create it with PUT /api/therapists/me first"));
		byte[] secret = new byte[TOKEN_BYTES];
		this.random.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		therapist.setCalendarTokenHash(Sha256.hex(token), this.clock.instant());
		String base = this.properties.publicBaseUrl().toString().replaceAll("/+$", "");
		return new CalendarSubscriptionResponse(
				base + "/api/therapists/" + therapistId + "/calendar.ics?token=" + token, token);
	}

	@Transactional
	void revoke(UUID therapistId) {
		this.therapists.findByIdForUpdate(therapistId)
			.ifPresent((therapist) -> therapist.setCalendarTokenHash(null, this.clock.instant()));
	}

}
