package org.mutuality.booking.followups;

import java.time.Clock;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mutuality.booking.notifications.Notifications;
import org.mutuality.booking.web.PageResponse;
import org.mutuality.platform.problem.ConflictException;
import org.mutuality.platform.problem.NotFoundException;
import org.mutuality.platform.problem.ValidationProblem;
import org.mutuality.platform.security.CurrentUser;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-ups: created from completed assessments exactly once per event, worked through by
 * therapists (claim, close), and marked booked when their client books with them.
 */
@Service
public class FollowUpService {

	/** The CloudEvents type of the events follow-ups come from. */
	public static final String EVENT_TYPE = "org.mutuality.assessment.completed.v1";

	private static final Log log = LogFactory.getLog(FollowUpService.class);

	private final FollowUpRepository followUps;

	private final ProcessedEvents processedEvents;

	private final Notifications notifications;

	private final Clock clock;

	FollowUpService(FollowUpRepository followUps, ProcessedEvents processedEvents, Notifications notifications,
			Clock clock) {
		this.followUps = followUps;
		this.processedEvents = processedEvents;
		this.notifications = notifications;
		this.clock = clock;
	}

	/**
	 * Turns a completed assessment into a follow-up unless it is self-guided, exactly once per
	 * event id however often it is delivered: the id is recorded in the same transaction, and so is
	 * the invitation to book emailed to a client who agreed to be contacted (it names nothing of the
	 * assessment).
	 * @return whether the event was new
	 */
	@Transactional
	public boolean assessmentCompleted(AssessmentCompleted event) {
		if (!this.processedEvents.record(event.eventId(), EVENT_TYPE, this.clock.instant())) {
			log.debug("Event " + event.eventId() + " was processed before; skipped");
			return false;
		}
		if (event.needsFollowUp()) {
			FollowUp followUp = new FollowUp(UUID.randomUUID(), event.eventId(), event.submissionId(),
					event.assessmentId(), event.clientId(), event.clientName(), event.totalScore(), event.bandCode(),
					event.riskFlags(), event.consentToContact(), this.clock.instant());
			this.followUps.save(followUp);
			// ids only: what the event says about the client stays out of the logs
			log.info("Follow-up " + followUp.getId() + " made of event " + event.eventId());
			if (event.consentToContact()) {
				this.notifications.consultationInvitation(event.clientEmail(), event.clientName());
			}
		}
		return true;
	}

	/**
	 * Marks the client's own follow-up booked, in the booking's transaction; someone else's, or an
	 * unknown one, is a validation error of {@code followUpId}.
	 */
	@Transactional
	public void booked(UUID followUpId, UUID clientId, UUID bookingId) {
		FollowUp followUp = this.followUps.findByIdForUpdate(followUpId)
			.filter((candidate) -> candidate.getClientId().equals(clientId))
			.orElseThrow(() -> ValidationProblem.of("followUpId", "is not one of your follow-ups"));
		if (followUp.getStatus() == FollowUpStatus.BOOKED || followUp.getStatus() == FollowUpStatus.CLOSED) {
			throw new ConflictException("follow-up-unavailable",
					"This follow-up is already " + followUp.getStatus().name().toLowerCase());
		}
		followUp.book(bookingId, this.clock.instant());
	}

	/** Puts a follow-up back in the queue when the booking made with it is cancelled. */
	@Transactional
	public void bookingCancelled(UUID followUpId, UUID bookingId) {
		this.followUps.findByIdForUpdate(followUpId)
			.filter((followUp) -> followUp.getStatus() == FollowUpStatus.BOOKED
					&& bookingId.equals(followUp.getBookingId()))
			.ifPresent((followUp) -> followUp.unbook(this.clock.instant()));
	}

	@Transactional(readOnly = true)
	PageResponse<FollowUpResponse> queue(FollowUpStatus status, int page, int size) {
		return PageResponse.of(this.followUps.findQueue(status, PageRequest.of(page, size)),
				FollowUpResponse::forStaff);
	}

	@Transactional(readOnly = true)
	PageResponse<FollowUpResponse> mine(UUID clientId, int page, int size) {
		return PageResponse.of(this.followUps.findByClientId(clientId,
				PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("id")))),
				FollowUpResponse::forClient);
	}

	@Transactional
	FollowUpResponse claim(CurrentUser therapist, UUID id) {
		FollowUp followUp = this.followUps.findByIdForUpdate(id).orElseThrow(() -> NotFoundException.of("Follow-up", id));
		if (followUp.getStatus() == FollowUpStatus.CLOSED) {
			throw new ConflictException("follow-up-closed", "This follow-up is closed");
		}
		if (followUp.getClaimedBy() != null && !followUp.getClaimedBy().equals(therapist.id())) {
			throw new ConflictException("follow-up-claimed", "Another therapist holds this follow-up");
		}
		followUp.claim(therapist.id(), this.clock.instant());
		return FollowUpResponse.forStaff(followUp);
	}

	@Transactional
	FollowUpResponse close(CurrentUser user, UUID id, String outcome) {
		FollowUp followUp = this.followUps.findByIdForUpdate(id).orElseThrow(() -> NotFoundException.of("Follow-up", id));
		if (followUp.getStatus() == FollowUpStatus.CLOSED) {
			throw new ConflictException("follow-up-closed", "This follow-up is closed already");
		}
		if (!user.isAdmin()) {
			if (followUp.getClaimedBy() == null) {
				throw new ConflictException("follow-up-not-claimed", "Claim this follow-up before closing it");
			}
			if (!followUp.getClaimedBy().equals(user.id())) {
				throw new ConflictException("follow-up-claimed", "Another therapist holds this follow-up");
			}
		}
		followUp.close(outcome.strip(), this.clock.instant());
		return FollowUpResponse.forStaff(followUp);
	}

}
