package org.mutuality.booking.therapists;

import java.util.List;
import java.util.UUID;

/**
 * A therapist's public profile and booking settings.
 */
record TherapistResponse(UUID id, String displayName, String bio, List<String> specialties, List<String> languages,
		String timeZone, int consultationMinutes, int bufferMinutes, int minimumNoticeHours, int horizonDays) {

	static TherapistResponse of(Therapist therapist) {
		return new TherapistResponse(therapist.getId(), therapist.getDisplayName(), therapist.getBio(),
				therapist.getSpecialties(), therapist.getLanguages(), therapist.getTimeZone(),
				therapist.getConsultationMinutes(), therapist.getBufferMinutes(), therapist.getMinimumNoticeHours(),
				therapist.getHorizonDays());
	}

}
