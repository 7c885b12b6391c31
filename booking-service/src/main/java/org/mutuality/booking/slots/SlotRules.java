package org.mutuality.booking.slots;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Everything about one therapist that decides which slots are offered: the time zone their
 * availability is written in, the availability itself, the consultation length (15–90 minutes),
 * the buffer kept free before and after each booking, the minimum notice a booking needs and how
 * many days ahead one may book. The values come from the therapist's stored profile, which was
 * validated when it was saved, so anything out of range here is a programming error and throws
 * {@link IllegalArgumentException}.
 *
 * @param zone the therapist's zone, in which the availability is written
 * @param availability the therapist's weekly intervals and date overrides; must be valid
 * @param consultationMinutes the length of one consultation, 15 to 90
 * @param bufferMinutes the time kept free before and after each booking, 0 or more
 * @param minimumNoticeHours how long before its start a slot stops being offered, 0 or more
 * @param horizonDays how many days ahead (from now, in real time) slots are offered, 0 or more
 */
public record SlotRules(ZoneId zone, Availability availability, int consultationMinutes, int bufferMinutes,
		int minimumNoticeHours, int horizonDays) {

	/** The shortest consultation a therapist may offer, in minutes. */
	public static final int MIN_CONSULTATION_MINUTES = 15;

	/** The longest consultation a therapist may offer, in minutes. */
	public static final int MAX_CONSULTATION_MINUTES = 90;

	public SlotRules {
		Objects.requireNonNull(zone, "zone");
		Objects.requireNonNull(availability, "availability");
		if (consultationMinutes < MIN_CONSULTATION_MINUTES || consultationMinutes > MAX_CONSULTATION_MINUTES) {
			throw new IllegalArgumentException("consultationMinutes must be between " + MIN_CONSULTATION_MINUTES
					+ " and " + MAX_CONSULTATION_MINUTES + ", was " + consultationMinutes);
		}
		requireNotNegative("bufferMinutes", bufferMinutes);
		requireNotNegative("minimumNoticeHours", minimumNoticeHours);
		requireNotNegative("horizonDays", horizonDays);
		List<Violation> violations = AvailabilityValidator.validate(availability);
		if (!violations.isEmpty()) {
			throw new IllegalArgumentException("availability is invalid: " + violations);
		}
	}

	Duration consultation() {
		return Duration.ofMinutes(this.consultationMinutes);
	}

	Duration buffer() {
		return Duration.ofMinutes(this.bufferMinutes);
	}

	Duration minimumNotice() {
		return Duration.ofHours(this.minimumNoticeHours);
	}

	Duration horizon() {
		return Duration.ofDays(this.horizonDays);
	}

	private static void requireNotNegative(String name, int value) {
		if (value < 0) {
			throw new IllegalArgumentException(name + " must not be negative, was " + value);
		}
	}

}
