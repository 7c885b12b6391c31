package org.mutuality.booking.availability;

import org.mutuality.booking.slots.SlotRules;
import org.mutuality.booking.therapists.Therapist;

/**
 * The slot rules of a therapist: their zone, stored availability and booking settings.
 */
public final class TherapistRules {

	private TherapistRules() {
	}

	public static SlotRules of(Therapist therapist) {
		return new SlotRules(therapist.getZone(), AvailabilityJson.read(therapist.getAvailability()),
				therapist.getConsultationMinutes(), therapist.getBufferMinutes(), therapist.getMinimumNoticeHours(),
				therapist.getHorizonDays());
	}

}
