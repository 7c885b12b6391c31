package org.mutuality.assessment.submissions;

import java.util.UUID;

/**
 * The optional filters of a submissions list.
 */
record SubmissionFilter(String assessmentId, UUID clientId) {
}
