package org.mutuality.booking.followups;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/follow-ups/{id}/close}.
 */
record CloseFollowUpRequest(@NotBlank @Size(max = 2000) String outcome) {
}
