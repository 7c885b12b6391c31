package org.mutuality.booking.followups;

/**
 * {@code URGENT} when the assessment raised a risk flag, {@code ROUTINE} otherwise.
 */
public enum FollowUpPriority {

	URGENT, ROUTINE

}
