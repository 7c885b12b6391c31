package org.mutuality.assessment.scoring;

import java.util.Objects;

/**
 * One answer as submitted: the id of the item answered and the value chosen.
 */
public record Answer(String itemId, int value) {

	public Answer {
		Objects.requireNonNull(itemId, "itemId");
	}

}
