package org.mutuality.assessment.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mutuality.assessment.instruments.Instrument;
import org.mutuality.assessment.instruments.Item;

/**
 * Builds answer sets for scoring tests, worked out independently of the engine's arithmetic.
 */
final class AnswerSets {

	private AnswerSets() {
	}

	/** Every item answered with the same value. */
	static List<Answer> allAnswered(Instrument instrument, int value) {
		return instrument.items().stream().map((item) -> new Answer(item.id(), value)).toList();
	}

	/** Every item answered with the same value, except the ones given. */
	static List<Answer> allAnsweredExcept(Instrument instrument, int value, Map<String, Integer> exceptions) {
		return instrument.items()
			.stream()
			.map((item) -> new Answer(item.id(), exceptions.getOrDefault(item.id(), value)))
			.toList();
	}

	/**
	 * Answers whose total is exactly the one given, filling scored items in order (unscored ones
	 * are left out); the items named in {@code heldLow} keep the answer that adds least to the total. Options must be consecutive
	 * whole numbers, as in the shipped instruments.
	 */
	static List<Answer> forTotal(Instrument instrument, int total, String... heldLow) {
		Set<String> held = Set.copyOf(Arrays.asList(heldLow));
		Map<String, Integer> values = new LinkedHashMap<>();
		for (Item item : instrument.items()) {
			if (!item.scored()) {
				continue;
			}
			values.put(item.id(), raisesTotal(instrument, item) ? item.minValue() : item.maxValue());
		}
		// spend what lies above the lowest possible total, item by item
		int remaining = total - instrument.minTotal();
		if (remaining < 0) {
			throw new IllegalArgumentException("total " + total + " is below " + instrument.minTotal());
		}
		for (Item item : instrument.items()) {
			if (!item.scored() || held.contains(item.id()) || remaining == 0) {
				continue;
			}
			int steps = Math.min(remaining, item.maxValue() - item.minValue());
			boolean raises = raisesTotal(instrument, item);
			values.put(item.id(), raises ? item.minValue() + steps : item.maxValue() - steps);
			remaining -= steps;
		}
		if (remaining > 0) {
			throw new IllegalArgumentException("total " + total + " cannot be reached with " + held + " held low");
		}
		List<Answer> answers = new ArrayList<>();
		values.forEach((itemId, value) -> answers.add(new Answer(itemId, value)));
		return answers;
	}

	/** Whether a higher answer to the item makes a higher total. */
	private static boolean raisesTotal(Instrument instrument, Item item) {
		boolean subscaleReversed = item.subscale() != null
				&& instrument.subscale(item.subscale()).orElseThrow().reversedInTotal();
		return item.reverseScored() == subscaleReversed;
	}

}
