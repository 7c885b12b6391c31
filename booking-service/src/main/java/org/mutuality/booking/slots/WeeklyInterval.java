package org.mutuality.booking.slots;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * A recurring stretch of working time on one day of the week, {@code [start, end)} in the
 * therapist's local time: {@code {"day": "MONDAY", "start": "09:00", "end": "12:00"}} in the API.
 * An {@code end} of {@code 00:00} means the midnight that ends the day (the API's {@code 24:00});
 * an interval never crosses midnight. Values are checked by {@link AvailabilityValidator}, not here.
 *
 * @param day the day of the week
 * @param start the first minute of the interval
 * @param end the minute after the interval, {@code 00:00} for the end of the day
 */
public record WeeklyInterval(DayOfWeek day, LocalTime start, LocalTime end) {
}
