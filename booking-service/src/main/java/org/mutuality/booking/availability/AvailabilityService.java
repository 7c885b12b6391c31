package org.mutuality.booking.availability;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.mutuality.booking.slots.Availability;
import org.mutuality.booking.slots.AvailabilityValidator;
import org.mutuality.booking.slots.DateOverride;
import org.mutuality.booking.slots.TimeInterval;
import org.mutuality.booking.slots.WeeklyInterval;
import org.mutuality.booking.therapists.Therapist;
import org.mutuality.booking.therapists.TherapistRepository;
import org.mutuality.booking.therapists.TimeZones;
import org.mutuality.platform.problem.FieldViolation;
import org.mutuality.platform.problem.NotFoundException;
import org.mutuality.platform.problem.ValidationProblem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and replaces a therapist's own availability. A replacement is checked as a whole and
 * refused with every problem at once (400), by the field paths of the document.
 */
@Service
class AvailabilityService {

	private final TherapistRepository therapists;

	private final Clock clock;

	AvailabilityService(TherapistRepository therapists, Clock clock) {
		this.therapists = therapists;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	AvailabilityResponse get(UUID therapistId) {
		Therapist therapist = this.therapists.findById(therapistId).orElseThrow(() -> noProfile(therapistId));
		return AvailabilityResponse.of(therapist.getTimeZone(), AvailabilityJson.read(therapist.getAvailability()));
	}

	@Transactional
	AvailabilityResponse replace(UUID therapistId, AvailabilityRequest request) {
		List<FieldViolation> errors = new ArrayList<>();
		ZoneId zone = TimeZones.parse(request.timeZone()).orElse(null);
		if (zone == null) {
			errors.add(new FieldViolation("timeZone", TimeZones.INVALID));
		}
		Availability availability = toAvailability(request, errors);
		if (errors.isEmpty()) {
			AvailabilityValidator.validate(availability)
				.forEach((violation) -> errors.add(new FieldViolation(violation.field(), violation.message())));
		}
		if (!errors.isEmpty()) {
			throw new ValidationProblem("The availability is invalid; see errors for each field", errors);
		}
		Therapist therapist = this.therapists.findByIdForUpdate(therapistId).orElseThrow(() -> noProfile(therapistId));
		therapist.updateAvailability(zone, AvailabilityJson.write(availability), this.clock.instant());
		return AvailabilityResponse.of(therapist.getTimeZone(), availability);
	}

	/** The document as the slot model reads it; times that are not {@code HH:mm} are reported. */
	private static Availability toAvailability(AvailabilityRequest request, List<FieldViolation> errors) {
		List<WeeklyInterval> weekly = new ArrayList<>();
		List<AvailabilityRequest.Weekly> requestedWeekly = (request.weekly() != null) ? request.weekly() : List.of();
		for (int i = 0; i < requestedWeekly.size(); i++) {
			AvailabilityRequest.Weekly interval = requestedWeekly.get(i);
			String path = "weekly[" + i + "]";
			if (interval == null) {
				weekly.add(null);
				continue;
			}
			weekly.add(new WeeklyInterval(interval.day(), start(path, interval.start(), errors),
					end(path, interval.end(), errors)));
		}
		List<DateOverride> overrides = new ArrayList<>();
		List<AvailabilityRequest.Override> requestedOverrides = (request.overrides() != null) ? request.overrides()
				: List.of();
		for (int i = 0; i < requestedOverrides.size(); i++) {
			AvailabilityRequest.Override override = requestedOverrides.get(i);
			if (override == null) {
				overrides.add(null);
				continue;
			}
			List<TimeInterval> intervals = new ArrayList<>();
			List<AvailabilityRequest.Interval> requestedIntervals = (override.intervals() != null)
					? override.intervals() : List.of();
			for (int k = 0; k < requestedIntervals.size(); k++) {
				AvailabilityRequest.Interval interval = requestedIntervals.get(k);
				String path = "overrides[" + i + "].intervals[" + k + "]";
				intervals.add((interval != null) ? new TimeInterval(start(path, interval.start(), errors),
						end(path, interval.end(), errors)) : null);
			}
			overrides.add(new DateOverride(override.date(), intervals));
		}
		return new Availability(weekly, overrides);
	}

	private static LocalTime start(String path, String text, List<FieldViolation> errors) {
		LocalTime time = ClockTimes.parseStart(text);
		if (time == null && text != null) {
			errors.add(new FieldViolation(path + ".start", ClockTimes.FORMAT));
		}
		return time;
	}

	private static LocalTime end(String path, String text, List<FieldViolation> errors) {
		LocalTime time = ClockTimes.parseEnd(text);
		if (time == null && text != null) {
			errors.add(new FieldViolation(path + ".end", ClockTimes.FORMAT + " (24:00 for the end of the day)"));
		}
		return time;
	}

	private static NotFoundException noProfile(UUID therapistId) {
		return new NotFoundException(
				"Therapist " + therapistId + " has no profile yet; create it with PUT /api/therapists/me first");
	}

}
