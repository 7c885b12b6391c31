package org.mutuality.booking.slots;

import java.util.List;

/**
 * Thrown when a caller asks for slots over a window that cannot be answered: a missing date or
 * zone, {@code to} before {@code from}, or more than {@value SlotWindow#MAX_DAYS} days. It carries
 * every problem as a {@link Violation} on the query parameter ({@code from}, {@code to},
 * {@code timeZone}); the web layer answers 400 with them.
 */
public class InvalidSlotWindowException extends RuntimeException {

	private final List<Violation> violations;

	public InvalidSlotWindowException(List<Violation> violations) {
		super("Invalid slot window: " + violations);
		this.violations = List.copyOf(violations);
	}

	public List<Violation> getViolations() {
		return this.violations;
	}

}
