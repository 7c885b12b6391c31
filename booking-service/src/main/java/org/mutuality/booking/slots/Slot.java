package org.mutuality.booking.slots;

import java.time.Instant;

/**
 * A free consultation slot, {@code [start, end)} in real time; the API renders it in the caller's
 * zone.
 *
 * @param start the instant the consultation starts
 * @param end the instant it ends, exactly the consultation length after {@code start}
 */
public record Slot(Instant start, Instant end) {
}
