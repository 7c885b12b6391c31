package org.mutuality.assessment.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.mutuality.assessment.instruments.AnswerOption;
import org.mutuality.assessment.instruments.Instrument;
import org.mutuality.assessment.instruments.Item;

/**
 * Checks a set of answers against an instrument version and reports one {@link AnswerError} per
 * offending item id: the instrument's items first, in their order, then unknown item ids in the
 * order they were submitted. An item answered more than once is reported as a duplicate whatever
 * its values; an unknown item id is reported once however often it appears.
 */
final class AnswerValidator {

	/** Unknown ids are echoed back to the caller; a longer one is cut short in the error. */
	private static final int MAX_ECHOED_ID_LENGTH = 64;

	private AnswerValidator() {
	}

	static List<AnswerError> validate(Instrument instrument, List<Answer> answers) {
		Map<String, List<Answer>> byItem = new LinkedHashMap<>();
		for (Answer answer : answers) {
			byItem.computeIfAbsent(answer.itemId(), (id) -> new ArrayList<>()).add(answer);
		}
		List<AnswerError> errors = new ArrayList<>();
		for (Item item : instrument.items()) {
			List<Answer> given = byItem.get(item.id());
			if (given == null) {
				if (item.required()) {
					errors.add(error(item.id(), AnswerError.Kind.MISSING_ANSWER,
							"Item " + item.id() + " is required and has no answer."));
				}
			}
			else if (given.size() > 1) {
				errors.add(error(item.id(), AnswerError.Kind.DUPLICATE_ANSWER,
						"Item " + item.id() + " was answered " + given.size() + " times; answer each item once."));
			}
			else if (!item.hasOption(given.get(0).value())) {
				errors.add(error(item.id(), AnswerError.Kind.INVALID_VALUE,
						"Value " + given.get(0).value() + " is not an option for item " + item.id() + "; choose one of "
								+ values(item) + "."));
			}
		}
		for (String itemId : byItem.keySet()) {
			if (instrument.item(itemId).isEmpty()) {
				String echoed = echo(itemId);
				errors.add(error(echoed, AnswerError.Kind.UNKNOWN_ITEM, "Item " + echoed + " is not part of "
						+ instrument.id() + " (version " + instrument.version() + ")."));
			}
		}
		return errors;
	}

	private static AnswerError error(String itemId, AnswerError.Kind kind, String message) {
		return new AnswerError("answers[" + itemId + "]", itemId, kind, message);
	}

	private static String values(Item item) {
		return item.options().stream().map(AnswerOption::value).map(String::valueOf).collect(Collectors.joining(", "));
	}

	private static String echo(String itemId) {
		return (itemId.length() <= MAX_ECHOED_ID_LENGTH) ? itemId
				: itemId.substring(0, MAX_ECHOED_ID_LENGTH) + "…";
	}

}
