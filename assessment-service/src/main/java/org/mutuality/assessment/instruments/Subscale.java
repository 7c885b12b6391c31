package org.mutuality.assessment.instruments;

import java.util.Objects;

/**
 * A group of items scored together and reported next to the total. A subscale whose
 * {@code reversedInTotal} is set measures the opposite of the total (such as a hierarchical
 * pattern against a mutuality total): each of its items counts reversed when the total is formed,
 * while the subscale's own score keeps its own direction.
 */
public record Subscale(String code, String label, String description, boolean reversedInTotal) {

	public Subscale {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(label, "label");
	}

}
