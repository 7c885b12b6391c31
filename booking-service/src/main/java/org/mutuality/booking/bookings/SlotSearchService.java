package org.mutuality.booking.bookings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.mutuality.booking.availability.TherapistRules;
import org.mutuality.booking.slots.BookedPeriod;
import org.mutuality.booking.slots.InvalidSlotWindowException;
import org.mutuality.booking.slots.Slot;
import org.mutuality.booking.slots.SlotExpander;
import org.mutuality.booking.slots.SlotRules;
import org.mutuality.booking.slots.SlotWindow;
import org.mutuality.booking.therapists.Therapist;
import org.mutuality.booking.therapists.TherapistRepository;
import org.mutuality.booking.therapists.TimeZones;
import org.mutuality.platform.problem.FieldViolation;
import org.mutuality.platform.problem.NotFoundException;
import org.mutuality.platform.problem.ValidationProblem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers a therapist's free consultation slots between two dates of the caller's zone: the rules
 * expanded in the therapist's zone, less the past, the minimum notice, the horizon and the confirmed
 * bookings with their buffers. One indexed range query reads the bookings; the expansion is linear.
 */
@Service
class SlotSearchService {

	private final TherapistRepository therapists;

	private final BookedPeriods bookings;

	private final Clock clock;

	SlotSearchService(TherapistRepository therapists, BookedPeriods bookings, Clock clock) {
		this.therapists = therapists;
		this.bookings = bookings;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	SlotsResponse search(UUID therapistId, LocalDate from, LocalDate to, String timeZone) {
		Therapist therapist = this.therapists.findById(therapistId)
			.orElseThrow(() -> NotFoundException.of("Therapist", therapistId));
		ZoneId zone = (timeZone != null) ? TimeZones.parse(timeZone)
			.orElseThrow(() -> ValidationProblem.of("timeZone", TimeZones.INVALID)) : therapist.getZone();
		SlotWindow window = window(from, to, zone);
		SlotRules rules = TherapistRules.of(therapist);
		Duration reach = Duration.ofMinutes(rules.bufferMinutes() + rules.consultationMinutes());
		List<BookedPeriod> booked = this.bookings.overlapping(therapistId, window.start().minus(reach),
				window.end().plus(reach));
		Instant now = this.clock.instant();
		List<Slot> slots = SlotExpander.freeSlots(rules, window, booked, now);
		return SlotsResponse.of(therapistId, zone, slots);
	}

	private static SlotWindow window(LocalDate from, LocalDate to, ZoneId zone) {
		try {
			return new SlotWindow(from, to, zone);
		}
		catch (InvalidSlotWindowException ex) {
			throw new ValidationProblem("The slot window is invalid; see errors for each parameter",
					ex.getViolations()
						.stream()
						.map((violation) -> new FieldViolation(violation.field(), violation.message()))
						.toList());
		}
	}

}
