package org.mutuality.booking.support;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mutuality.booking.support.BookingServiceIntegrationTest.User;

/**
 * Setting a therapist up through the API, as the therapist would, on whichever running instance a test names.
 */
public final class Therapists {

	private Therapists() {
	}

	/** Replaces the therapist's availability with every day of the week from {@code start} to {@code end}. */
	public static void everyDay(Http http, User therapist, String timeZone, String start, String end) {
		List<Map<String, String>> weekly = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			weekly.add(Map.of("day", day.name(), "start", start, "end", end));
		}
		http.put("/api/therapists/me/availability", therapist.token(),
				Http.json(Map.of("timeZone", timeZone, "weekly", weekly, "overrides", List.of())))
			.expect(200);
	}

}
