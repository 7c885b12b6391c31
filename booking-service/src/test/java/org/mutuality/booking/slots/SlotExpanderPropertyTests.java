package org.mutuality.booking.slots;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based tests of slot expansion over seeded random availabilities, zones, bookings,
 * buffers, notices, horizons, clocks and windows, biased towards days when clocks change. Each case
 * checks the rules one by one and compares the result with a naive expansion that tests every
 * candidate against every booking. A failure names its seed; rerun just that case with
 * {@code -Dslots.seed=<seed> -Dslots.cases=1}.
 */
class SlotExpanderPropertyTests {

	private static final long SEED = Long.getLong("slots.seed", 20260329L);

	private static final int CASES = Integer.getInteger("slots.cases", 1500);

	/** Zones with clock changes, offsets that are not whole hours, and changes at midnight. */
	private static final List<String> INTERESTING_ZONES = List.of("Europe/London", "America/New_York",
			"Australia/Sydney", "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Chatham",
			"America/St_Johns", "America/Havana", "Asia/Beirut", "America/Santiago", "Africa/Casablanca", "Asia/Tehran",
			"Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC");

	private static final List<String> ALL_ZONES = List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds()));

	@Test
	void freeSlotsKeepEveryRuleAndMissNone() {
		for (int i = 0; i < CASES; i++) {
			long seed = SEED + i;
			Case c = null;
			try {
				c = Case.generate(new Random(seed));
				check(c, new Random(~seed));
			}
			catch (AssertionError | RuntimeException ex) {
				throw new AssertionError("case with seed " + seed + " failed (rerun: -Dslots.seed=" + seed
						+ " -Dslots.cases=1): " + c, ex);
			}
		}
	}

	@Test
	void sixtyDaysWithTwoThousandBookingsMatchTheNaiveExpansion() {
		Random random = new Random(SEED);
		ZoneId zone = ZoneId.of("Europe/London");
		Availability availability = new Availability(Slots.everyDay("07:00", "21:00"), List.of());
		SlotRules rules = new SlotRules(zone, availability, 15, 5, 2, 90);
		Instant now = Instant.parse("2026-03-01T08:17:00Z");
		SlotWindow window = new SlotWindow(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 29), zone);
		List<BookedPeriod> bookings = new ArrayList<>();
		for (int i = 0; i < 2000; i++) {
			Instant start = window.start().plus(Duration.ofMinutes(random.nextInt(60 * 24 * 60)));
			bookings.add(new BookedPeriod(start, start.plus(Duration.ofMinutes(15 + random.nextInt(4) * 15))));
		}

		List<Slot> slots = SlotExpander.freeSlots(rules, window, bookings, now);

		assertThat(slots).isNotEmpty().isEqualTo(naive(rules, window, bookings, now));
	}

	private static void check(Case c, Random random) {
		List<Slot> slots = SlotExpander.freeSlots(c.rules(), c.window(), c.bookings(), c.now());
		Duration length = c.rules().consultation();
		Duration buffer = c.rules().buffer();
		Instant earliest = c.now().plus(c.rules().minimumNotice());
		Instant horizon = c.now().plus(c.rules().horizon());

		for (int i = 0; i < slots.size(); i++) {
			Slot slot = slots.get(i);
			assertThat(Duration.between(slot.start(), slot.end())).as("length of %s", slot).isEqualTo(length);
			if (i > 0) {
				assertThat(slot.start()).as("%s after the one before", slot).isAfterOrEqualTo(slots.get(i - 1).end());
			}
			assertThat(slot.start()).as("%s not in the past or the notice", slot).isAfterOrEqualTo(earliest);
			assertThat(slot.end()).as("%s within the horizon", slot).isBeforeOrEqualTo(horizon);
			assertThat(slot.start()).as("%s within the window", slot)
				.isAfterOrEqualTo(c.window().start())
				.isBefore(c.window().end());
			for (BookedPeriod booking : c.bookings()) {
				boolean overlaps = slot.start().isBefore(booking.end().plus(buffer))
						&& slot.end().isAfter(booking.start().minus(buffer));
				assertThat(overlaps).as("%s overlaps %s with its buffer", slot, booking).isFalse();
			}
			assertThat(isOnTheGridOfAnInterval(c.rules(), slot)).as("%s on the grid of an interval", slot).isTrue();
		}
		assertThat(slots).as("the naive expansion").isEqualTo(naive(c.rules(), c.window(), c.bookings(), c.now()));

		for (int i = 0; i < 3 && !slots.isEmpty(); i++) {
			Slot slot = slots.get(random.nextInt(slots.size()));
			assertThat(SlotExpander.freeSlotAt(c.rules(), slot.start(), c.bookings(), c.now())).contains(slot);
			Optional<Slot> shifted = SlotExpander.freeSlotAt(c.rules(), slot.start().plusSeconds(60), c.bookings(),
					c.now());
			assertThat(shifted).isEmpty();
		}
	}

	/** Whether the slot sits a whole number of consultations after the start of an interval containing it. */
	private static boolean isOnTheGridOfAnInterval(SlotRules rules, Slot slot) {
		LocalDate date = LocalDate.ofInstant(slot.start(), rules.zone());
		for (LocalDate d = date.minusDays(1); !d.isAfter(date.plusDays(1)); d = d.plusDays(1)) {
			for (Instant[] interval : realIntervals(rules, d)) {
				long offset = Duration.between(interval[0], slot.start()).toNanos();
				if (!slot.start().isBefore(interval[0]) && !slot.end().isAfter(interval[1])
						&& offset % rules.consultation().toNanos() == 0) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Every candidate of every interval of every date near the window, each tested against every
	 * rule and every booking.
	 */
	private static List<Slot> naive(SlotRules rules, SlotWindow window, List<BookedPeriod> bookings, Instant now) {
		Duration length = rules.consultation();
		Duration buffer = rules.buffer();
		List<Slot> slots = new ArrayList<>();
		LocalDate first = LocalDate.ofInstant(window.start(), rules.zone()).minusDays(2);
		LocalDate last = LocalDate.ofInstant(window.end(), rules.zone()).plusDays(2);
		for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
			for (Instant[] interval : realIntervals(rules, date)) {
				for (Instant start = interval[0]; !start.plus(length).isAfter(interval[1]); start = start.plus(length)) {
					Instant end = start.plus(length);
					boolean free = !start.isBefore(window.start()) && start.isBefore(window.end())
							&& !start.isBefore(now.plus(rules.minimumNotice()))
							&& !end.isAfter(now.plus(rules.horizon()));
					for (BookedPeriod booking : bookings) {
						if (start.isBefore(booking.end().plus(buffer)) && end.isAfter(booking.start().minus(buffer))) {
							free = false;
						}
					}
					if (free) {
						slots.add(new Slot(start, end));
					}
				}
			}
		}
		slots.sort(Comparator.comparing(Slot::start));
		return slots;
	}

	/** A date's intervals as real-time spans, read from the availability without the production lookup. */
	private static List<Instant[]> realIntervals(SlotRules rules, LocalDate date) {
		List<int[]> minutes = new ArrayList<>();
		DateOverride override = rules.availability()
			.overrides()
			.stream()
			.filter((o) -> o.date().equals(date))
			.findFirst()
			.orElse(null);
		if (override != null) {
			override.intervals()
				.forEach((i) -> minutes.add(new int[] { LocalTimes.minuteOfDay(i.start()), LocalTimes.endMinuteOfDay(i.end()) }));
		}
		else {
			rules.availability()
				.weekly()
				.stream()
				.filter((w) -> w.day() == date.getDayOfWeek())
				.forEach((w) -> minutes.add(new int[] { LocalTimes.minuteOfDay(w.start()), LocalTimes.endMinuteOfDay(w.end()) }));
		}
		List<Instant[]> real = new ArrayList<>();
		for (int[] m : minutes) {
			real.add(new Instant[] { WallClock.instantOf(date, m[0], rules.zone().getRules()),
					WallClock.instantOf(date, m[1], rules.zone().getRules()) });
		}
		return real;
	}

	private record Case(SlotRules rules, SlotWindow window, List<BookedPeriod> bookings, Instant now) {

		static Case generate(Random random) {
			ZoneId zone = zone(random);
			ZoneId callerZone = random.nextInt(3) == 0 ? zone : zone(random);
			Instant now = now(random, zone);
			LocalDate today = LocalDate.ofInstant(now, zone);
			Availability availability = availability(random, today);
			int consultation = 15 + random.nextInt(76);
			int buffer = random.nextBoolean() ? 0 : random.nextInt(61);
			int notice = random.nextBoolean() ? 0 : random.nextInt(73);
			int horizon = random.nextInt(10) == 0 ? random.nextInt(3) : random.nextInt(121);
			SlotRules rules = new SlotRules(zone, availability, consultation, buffer, notice, horizon);

			LocalDate from = LocalDate.ofInstant(now, callerZone).plusDays(random.nextInt(14) - 3);
			int days = random.nextInt(5) == 0 ? 1 + random.nextInt(SlotWindow.MAX_DAYS) : 1 + random.nextInt(10);
			SlotWindow window = new SlotWindow(from, from.plusDays(days - 1), callerZone);

			List<Slot> unbooked = SlotExpander.freeSlots(rules, window, List.of(), now);
			return new Case(rules, window, bookings(random, unbooked, window, buffer), now);
		}

		private static ZoneId zone(Random random) {
			List<String> zones = random.nextInt(4) == 0 ? ALL_ZONES : INTERESTING_ZONES;
			return ZoneId.of(zones.get(random.nextInt(zones.size())));
		}

		/** An instant in 2025-2027, half the time within days of one of the zone's clock changes. */
		private static Instant now(Random random, ZoneId zone) {
			Instant base = Instant.parse("2025-06-01T00:00:00Z").plusSeconds(random.nextInt(2 * 365 * 24 * 3600));
			if (random.nextBoolean()) {
				ZoneOffsetTransition next = zone.getRules().nextTransition(base);
				if (next != null && next.getInstant().isBefore(base.plus(Duration.ofDays(400)))) {
					base = next.getInstant().minus(Duration.ofHours(random.nextInt(24 * 6)));
				}
			}
			return switch (random.nextInt(3)) {
				case 0 -> base.truncatedTo(ChronoUnit.HOURS);
				case 1 -> base.plusNanos(random.nextInt(1_000_000_000));
				default -> base;
			};
		}

		private static Availability availability(Random random, LocalDate today) {
			int grid = new int[] { 1, 5, 15, 30, 60 }[random.nextInt(5)];
			List<WeeklyInterval> weekly = new ArrayList<>();
			for (DayOfWeek day : DayOfWeek.values()) {
				if (random.nextInt(10) < 7) {
					for (LocalTime[] interval : intervals(random, grid)) {
						weekly.add(new WeeklyInterval(day, interval[0], interval[1]));
					}
				}
			}
			List<DateOverride> overrides = new ArrayList<>();
			TreeSet<LocalDate> dates = new TreeSet<>();
			for (int i = random.nextInt(8); i > 0; i--) {
				dates.add(today.plusDays(random.nextInt(40) - 5));
			}
			for (LocalDate date : dates) {
				List<TimeInterval> intervals = new ArrayList<>();
				if (random.nextInt(3) > 0) {
					for (LocalTime[] interval : intervals(random, grid)) {
						intervals.add(new TimeInterval(interval[0], interval[1]));
					}
				}
				overrides.add(new DateOverride(date, intervals));
			}
			return new Availability(weekly, overrides);
		}

		/** Up to four intervals of one day that neither overlap nor are empty, some touching. */
		private static List<LocalTime[]> intervals(Random random, int grid) {
			int steps = LocalTimes.MINUTES_PER_DAY / grid;
			int count = random.nextInt(5);
			int[] points = new int[count * 2];
			for (int i = 0; i < points.length; i++) {
				points[i] = random.nextInt(steps + 1) * grid;
			}
			Arrays.sort(points);
			List<LocalTime[]> intervals = new ArrayList<>();
			for (int i = 0; i < points.length; i += 2) {
				if (points[i] < points[i + 1]) {
					intervals.add(new LocalTime[] { time(points[i]), time(points[i + 1]) });
				}
			}
			return intervals;
		}

		private static LocalTime time(int minuteOfDay) {
			return (minuteOfDay == LocalTimes.MINUTES_PER_DAY) ? TimeInterval.END_OF_DAY
					: LocalTime.of(minuteOfDay / 60, minuteOfDay % 60);
		}

		/**
		 * Bookings that matter: on offered slots, shifted a little, exactly touching a slot's buffer,
		 * or anywhere in the window.
		 */
		private static List<BookedPeriod> bookings(Random random, List<Slot> unbooked, SlotWindow window, int buffer) {
			List<BookedPeriod> bookings = new ArrayList<>();
			int count = random.nextInt(6) == 0 ? 0 : random.nextInt(60);
			long windowSeconds = Duration.between(window.start(), window.end()).getSeconds();
			for (int i = 0; i < count; i++) {
				Slot slot = unbooked.isEmpty() ? null : unbooked.get(random.nextInt(unbooked.size()));
				int kind = (slot == null) ? 3 : random.nextInt(4);
				Instant start = switch (kind) {
					case 0 -> slot.start();
					case 1 -> slot.start().plusSeconds((random.nextInt(181) - 90) * 60L + random.nextInt(2) * random.nextInt(60));
					case 2 -> slot.end().plus(Duration.ofMinutes(buffer + random.nextInt(2)));
					default -> window.start().plusSeconds((long) (random.nextDouble() * windowSeconds));
				};
				Duration length = (kind == 0) ? Duration.between(slot.start(), slot.end())
						: Duration.ofSeconds(random.nextInt(2 * 3600) + (random.nextInt(4) == 0 ? 0 : 60));
				bookings.add(new BookedPeriod(start, start.plus(length)));
			}
			return bookings;
		}

	}

}
