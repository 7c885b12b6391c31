package org.mutuality.booking.followups;

/**
 * Where a follow-up stands: {@code OPEN} in the queue, {@code CLAIMED} by a therapist,
 * {@code BOOKED} once its client booked a consultation with it, {@code CLOSED} with an outcome.
 */
public enum FollowUpStatus {

	OPEN, CLAIMED, BOOKED, CLOSED

}
