package org.mutuality.booking.therapists;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /api/therapists/me}. Settings left out take their defaults: no buffer, 12
 * hours' notice, a 60-day horizon.
 */
record TherapistProfileRequest(@NotBlank @Size(max = 200) String displayName, @Size(max = 5000) String bio,
		@Size(max = 30) List<@NotBlank @Size(max = 100) String> specialties,
		@Size(max = 30) List<@NotBlank @Size(max = 50) String> languages, @NotBlank @Size(max = 64) String timeZone,
		@NotNull @Min(15) @Max(90) Integer consultationMinutes, @Min(0) @Max(120) Integer bufferMinutes,
		@Min(0) @Max(720) Integer minimumNoticeHours, @Min(1) @Max(365) Integer horizonDays) {

	static final int DEFAULT_BUFFER_MINUTES = 0;

	static final int DEFAULT_MINIMUM_NOTICE_HOURS = 12;

	static final int DEFAULT_HORIZON_DAYS = 60;

}
