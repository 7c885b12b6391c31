package org.mutuality.booking.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mutuality.booking.availability.AvailabilityJson;
import org.mutuality.booking.slots.Availability;
import org.mutuality.booking.slots.WeeklyInterval;
import org.mutuality.booking.therapists.Therapist;
import org.mutuality.booking.therapists.TherapistRepository;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the profiles of the dev realm's therapists ({@code therapist1} Maya Okafor and
 * {@code therapist2} Daniel Brooks, with their fixed user ids and realm email addresses) with
 * weekday availability, when there are no therapists at all.
 */
@Component
class DemoTherapists {

	static final UUID THERAPIST1 = UUID.fromString("6a9d2b7e-3f14-4e2a-b8c5-1d0f7e2a1001");

	static final UUID THERAPIST2 = UUID.fromString("6a9d2b7e-3f14-4e2a-b8c5-1d0f7e2a1002");

	/** The dev realm's addresses of the demo therapists, until they save their profiles themselves. */
	private static final Map<UUID, String> EMAILS = Map.of(THERAPIST1, "therapist1@mutuality.test", THERAPIST2,
			"therapist2@mutuality.test");

	private static final Log log = LogFactory.getLog(DemoTherapists.class);

	private final TherapistRepository therapists;

	private final Clock clock;

	DemoTherapists(TherapistRepository therapists, Clock clock) {
		this.therapists = therapists;
		this.clock = clock;
	}

	/**
	 * Creates the demo profiles on an empty database; answers whether it did. On a database made
	 * before therapists had email addresses, gives the demo therapists theirs.
	 */
	@Transactional
	boolean createIfEmpty() {
		if (this.therapists.count() > 0) {
			EMAILS.forEach((id, email) -> this.therapists.findById(id)
				.filter((therapist) -> therapist.getEmail() == null)
				.ifPresent((therapist) -> therapist.setEmail(email, this.clock.instant())));
			return false;
		}
		ZoneId london = ZoneId.of("Europe/London");
		this.therapists.save(therapist(THERAPIST1,
				new Therapist.Profile("Maya Okafor",
						"Integrative counsellor working with anxiety, low mood and relationships. "
								+ "A free 30-minute consultation helps us see whether we are a good fit.",
						List.of("anxiety", "depression", "relationships"), List.of("en", "fr"), london, 30, 10, 12,
						60),
				weekdays(LocalTime.of(9, 0), LocalTime.of(12, 0), LocalTime.of(13, 0), LocalTime.of(17, 0))));
		this.therapists.save(therapist(THERAPIST2,
				new Therapist.Profile("Daniel Brooks",
						"Psychotherapist focusing on stress, burnout and life transitions, "
								+ "with evening hours for people who work days.",
						List.of("stress", "burnout", "life transitions"), List.of("en", "es"), london, 45, 15, 24,
						45),
				weekdays(LocalTime.of(11, 0), LocalTime.of(14, 0), LocalTime.of(15, 0), LocalTime.of(20, 0))));
		log.info("Created the demo therapists' profiles (therapist1, therapist2)");
		return true;
	}

	private Therapist therapist(UUID id, Therapist.Profile profile, Availability availability) {
		Therapist therapist = new Therapist(id, this.clock.instant());
		therapist.updateProfile(profile, this.clock.instant());
		therapist.updateAvailability(profile.timeZone(), AvailabilityJson.write(availability), this.clock.instant());
		therapist.setEmail(EMAILS.get(id), this.clock.instant());
		return therapist;
	}

	private static Availability weekdays(LocalTime morningStart, LocalTime morningEnd, LocalTime afternoonStart,
			LocalTime afternoonEnd) {
		List<WeeklyInterval> weekly = new ArrayList<>();
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			weekly.add(new WeeklyInterval(day, morningStart, morningEnd));
			weekly.add(new WeeklyInterval(day, afternoonStart, afternoonEnd));
		}
		return new Availability(weekly, List.of());
	}

}
