package org.mutuality.booking.slots;

/**
 * One problem found while validating input, addressed by the path of the offending field
 * ({@code weekly[2].end}, {@code overrides[0].intervals[1]}, {@code to}). The web layer answers
 * a list of them as the {@code errors} of a 400 problem.
 *
 * @param field the path of the offending field, as the client wrote it
 * @param message what is wrong with it
 */
public record Violation(String field, String message) {
}
