package org.mutuality.assessment.instruments;

/**
 * What a scored assessment recommends to the person who took it. {@code URGENT_SUPPORT} is raised
 * only by a risk rule, never by a band, so that a recommendation is urgent exactly when a risk flag
 * is raised; bands recommend one of the other two.
 */
public enum RecommendationKind {

	/** Nothing suggests professional support is needed now; self-help material is offered. */
	SELF_GUIDED,

	/** The result suggests that talking with a therapist could help; a free consultation is offered. */
	BOOK_FREE_CONSULTATION,

	/** A risk flag was raised; the message carries crisis-line guidance. */
	URGENT_SUPPORT

}
