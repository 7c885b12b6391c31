package org.mutuality.assessment.instruments;

import java.util.Objects;

/**
 * Who wrote an instrument and on what terms it may be used: the credit shown with it, an optional
 * literature reference, and optional terms of use.
 */
public record Attribution(String credit, String reference, String terms) {

	public Attribution {
		Objects.requireNonNull(credit, "credit");
	}

}
