package org.mutuality.booking.availability;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /api/therapists/me/availability}:
 * {@code {"timeZone", "weekly": [{"day", "start", "end"}], "overrides": [{"date", "intervals": [{"start", "end"}]}]}}.
 * Times are {@code HH:mm}; an end of {@code 24:00} (or {@code 00:00}) is the end of the day. The
 * rules (times well-formed, intervals not inverted nor overlapping, one override per date) are
 * checked as a whole by the service, which reports every problem at once.
 */
record AvailabilityRequest(@NotBlank @Size(max = 64) String timeZone, @Size(max = 200) List<Weekly> weekly,
		@Size(max = 1000) List<Override> overrides) {

	record Weekly(DayOfWeek day, String start, String end) {
	}

	record Override(LocalDate date, @Size(max = 50) List<Interval> intervals) {
	}

	record Interval(String start, String end) {
	}

}
