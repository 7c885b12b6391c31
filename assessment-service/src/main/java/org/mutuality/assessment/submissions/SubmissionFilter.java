package org.mutuality.assessment.submissions;

import java.util.UUID;

/**
 * The optional filters of a submissions list. An empty {@code assessmentId=} is no filter, as an
 * empty {@code clientId=} is.
 */
record SubmissionFilter(String assessmentId, UUID clientId) {

	SubmissionFilter {
		if (assessmentId != null && assessmentId.isBlank()) {
			assessmentId = null;
		}
	}

}
