package org.mutuality.booking.therapists;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.mutuality.platform.problem.NotFoundException;
import org.mutuality.platform.problem.ValidationProblem;
import org.mutuality.platform.security.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads therapists' public profiles and lets a therapist create or update their own.
 */
@Service
class TherapistService {

	private final TherapistRepository therapists;

	private final Clock clock;

	TherapistService(TherapistRepository therapists, Clock clock) {
		this.therapists = therapists;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	List<TherapistResponse> list() {
		return this.therapists.findAllByOrderByDisplayNameAscIdAsc().stream().map(TherapistResponse::of).toList();
	}

	@Transactional(readOnly = true)
	TherapistResponse get(UUID id) {
		return this.therapists.findById(id)
			.map(TherapistResponse::of)
			.orElseThrow(() -> NotFoundException.of("Therapist", id));
	}

	/**
	 * Creates or replaces the caller's profile, and keeps the email address of their token for the
	 * booking emails; answers whether it was created.
	 */
	@Transactional
	Saved save(CurrentUser user, TherapistProfileRequest request) {
		UUID therapistId = user.id();
		ZoneId zone = TimeZones.parse(request.timeZone())
			.orElseThrow(() -> ValidationProblem.of("timeZone", TimeZones.INVALID));
		Therapist.Profile profile = new Therapist.Profile(request.displayName().strip(),
				Objects.requireNonNullElse(request.bio(), ""), clean(request.specialties()), clean(request.languages()),
				zone, request.consultationMinutes(),
				Objects.requireNonNullElse(request.bufferMinutes(), TherapistProfileRequest.DEFAULT_BUFFER_MINUTES),
				Objects.requireNonNullElse(request.minimumNoticeHours(),
						TherapistProfileRequest.DEFAULT_MINIMUM_NOTICE_HOURS),
				Objects.requireNonNullElse(request.horizonDays(), TherapistProfileRequest.DEFAULT_HORIZON_DAYS));
		boolean created = this.therapists.insertIfAbsent(therapistId, this.clock.instant()) == 1;
		Therapist therapist = this.therapists.findByIdForUpdate(therapistId).orElseThrow();
		therapist.updateProfile(profile, this.clock.instant());
		therapist.setEmail(user.email(), this.clock.instant());
		return new Saved(TherapistResponse.of(therapist), created);
	}

	private static List<String> clean(List<String> values) {
		return (values != null) ? values.stream().map(String::strip).distinct().toList() : List.of();
	}

	record Saved(TherapistResponse therapist, boolean created) {
	}

}
