package org.mutuality.content.articles;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * What an article invites its reader to do next: nothing, take an assessment, or book a free consultation.
 */
@Embeddable
public record CallToAction(@Enumerated(EnumType.STRING) @Column(name = "cta_kind") Kind kind,
		@Column(name = "cta_assessment_id") String assessmentId) {

	public static final CallToAction NONE = new CallToAction(Kind.NONE, null);

	public CallToAction {
		if (kind == null) {
			kind = Kind.NONE;
		}
		if (kind != Kind.ASSESSMENT) {
			assessmentId = null;
		}
	}

	public static CallToAction assessment(String assessmentId) {
		return new CallToAction(Kind.ASSESSMENT, assessmentId);
	}

	public static CallToAction booking() {
		return new CallToAction(Kind.BOOKING, null);
	}

	/** The kinds of call to action. */
	public enum Kind {

		NONE, ASSESSMENT, BOOKING

	}

}
