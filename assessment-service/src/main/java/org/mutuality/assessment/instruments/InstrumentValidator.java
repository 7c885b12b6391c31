package org.mutuality.assessment.instruments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks that an instrument is consistent and reports every problem at once, each naming the item,
 * subscale, band or rule it is about. The rules: the id is a slug and the version positive; texts
 * are not blank; item ids, subscale codes and band codes are unique; each item offers at least two
 * options with distinct values in ascending order, symmetric around the middle when the item is
 * reverse-scored; an item that is not required is not scored; items name declared subscales and
 * every subscale has a scored item; the bands cover the whole total range (from the sum of the
 * lowest options to the sum of the highest) without gaps or overlaps and never recommend
 * {@code URGENT_SUPPORT}; each risk rule names an item and a threshold that is one of its options
 * above the lowest; and there is a message for every recommendation the instrument can give.
 */
final class InstrumentValidator {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern ITEM_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

	private InstrumentValidator() {
	}

	/** Every problem of the instrument, or an empty list when it is consistent. */
	static List<String> problems(Instrument instrument) {
		List<String> problems = new ArrayList<>();
		checkHeader(instrument, problems);
		checkItems(instrument, problems);
		checkSubscales(instrument, problems);
		checkBands(instrument, problems);
		checkRiskRules(instrument, problems);
		checkMessages(instrument, problems);
		return problems;
	}

	private static void checkHeader(Instrument instrument, List<String> problems) {
		if (!SLUG.matcher(instrument.id()).matches()) {
			problems.add("id '" + instrument.id() + "' must be a slug of lower-case letters, digits and hyphens");
		}
		if (instrument.version() < 1) {
			problems.add("version must be 1 or more, not " + instrument.version());
		}
		notBlank(instrument.title(), "title", problems);
		notBlank(instrument.summary(), "summary", problems);
		notBlank(instrument.instructions(), "instructions", problems);
		notBlank(instrument.attribution().credit(), "attribution.credit", problems);
		if (instrument.estimatedMinutes() < 1) {
			problems.add("estimatedMinutes must be 1 or more, not " + instrument.estimatedMinutes());
		}
	}

	private static void checkItems(Instrument instrument, List<String> problems) {
		if (instrument.items().isEmpty()) {
			problems.add("items is empty");
			return;
		}
		duplicates(instrument.items(), Item::id)
			.forEach((id) -> problems.add("item id '" + id + "' is used by more than one item"));
		if (instrument.items().stream().noneMatch(Item::scored)) {
			problems.add("no item is scored");
		}
		for (Item item : instrument.items()) {
			String name = "item " + item.id();
			if (!ITEM_ID.matcher(item.id()).matches()) {
				problems.add(name + ": the id must be 1 to 32 lower-case letters, digits, '-' or '_'");
			}
			notBlank(item.text(), name + ": text", problems);
			checkOptions(item, name, problems);
			if (!item.required() && item.scored()) {
				problems.add(name + " is optional and so must not be scored: a missing answer would shift the total");
			}
			if (!item.scored() && (item.reverseScored() || item.subscale() != null)) {
				problems.add(name + " is not scored and so can be neither reverse-scored nor in a subscale");
			}
			if (item.subscale() != null && instrument.subscale(item.subscale()).isEmpty()) {
				problems.add(name + " names subscale " + item.subscale() + ", which is not declared");
			}
		}
	}

	private static void checkOptions(Item item, String name, List<String> problems) {
		List<AnswerOption> options = item.options();
		if (options.size() < 2) {
			problems.add(name + " offers " + options.size() + " option; it needs at least 2");
		}
		Set<Integer> values = new HashSet<>();
		for (int i = 0; i < options.size(); i++) {
			AnswerOption option = options.get(i);
			notBlank(option.label(), name + ": the label of option " + option.value(), problems);
			if (!values.add(option.value())) {
				problems.add(name + " offers the value " + option.value() + " more than once");
			}
			else if (i > 0 && option.value() < options.get(i - 1).value()) {
				problems.add(name + ": option values must be in ascending order, but " + option.value()
						+ " follows " + options.get(i - 1).value());
			}
		}
		if (item.reverseScored() && !values.stream().allMatch((value) -> values.contains(item.reverse(value)))) {
			problems.add(name + " is reverse-scored, so its option values must be symmetric (each value v needs "
					+ (item.minValue() + item.maxValue()) + " - v as well), but they are " + valuesOf(item));
		}
	}

	private static void checkSubscales(Instrument instrument, List<String> problems) {
		duplicates(instrument.subscales(), Subscale::code)
			.forEach((code) -> problems.add("subscale code " + code + " is used more than once"));
		for (Subscale subscale : instrument.subscales()) {
			String name = "subscale " + subscale.code();
			if (!CODE.matcher(subscale.code()).matches()) {
				problems.add(name + ": the code must be UPPER_SNAKE_CASE");
			}
			notBlank(subscale.label(), name + ": label", problems);
			if (instrument.itemsOf(subscale.code()).isEmpty()) {
				problems.add(name + " has no scored item");
			}
		}
	}

	private static void checkBands(Instrument instrument, List<String> problems) {
		if (instrument.bands().isEmpty()) {
			problems.add("bands is empty");
			return;
		}
		duplicates(instrument.bands(), Band::code)
			.forEach((code) -> problems.add("band code " + code + " is used more than once"));
		boolean ranges = true;
		for (Band band : instrument.bands()) {
			String name = "band " + band.code();
			if (!CODE.matcher(band.code()).matches()) {
				problems.add(name + ": the code must be UPPER_SNAKE_CASE");
			}
			notBlank(band.label(), name + ": label", problems);
			notBlank(band.description(), name + ": description", problems);
			if (band.recommendation() == RecommendationKind.URGENT_SUPPORT) {
				problems.add(name + " recommends URGENT_SUPPORT, which only a risk rule may raise");
			}
			if (band.min() > band.max()) {
				problems.add(name + " starts at " + band.min() + " after it ends at " + band.max());
				ranges = false;
			}
		}
		if (ranges && !instrument.items().isEmpty()) {
			checkCoverage(instrument, problems);
		}
	}

	private static void checkCoverage(Instrument instrument, List<String> problems) {
		int lowest = instrument.minTotal();
		int highest = instrument.maxTotal();
		List<Band> bands = instrument.bands()
			.stream()
			.sorted(Comparator.comparingInt(Band::min).thenComparingInt(Band::max))
			.toList();
		Band first = bands.get(0);
		if (first.min() < lowest) {
			problems.add("band " + first.code() + " starts at " + first.min() + ", below the lowest possible total "
					+ lowest);
		}
		else if (first.min() > lowest) {
			problems.add("no band covers totals " + range(lowest, first.min() - 1) + " (totals run from " + lowest
					+ " to " + highest + ")");
		}
		for (int i = 1; i < bands.size(); i++) {
			Band previous = bands.get(i - 1);
			Band band = bands.get(i);
			if (band.min() <= previous.max()) {
				problems.add("bands " + previous.code() + " " + range(previous.min(), previous.max()) + " and "
						+ band.code() + " " + range(band.min(), band.max()) + " overlap");
			}
			else if (band.min() > previous.max() + 1) {
				problems.add("no band covers totals " + range(previous.max() + 1, band.min() - 1) + " (between "
						+ previous.code() + " and " + band.code() + ")");
			}
		}
		Band last = bands.get(bands.size() - 1);
		int covered = bands.stream().mapToInt(Band::max).max().orElseThrow();
		if (covered > highest) {
			problems.add("band " + last.code() + " ends at " + covered + ", above the highest possible total "
					+ highest);
		}
		else if (covered < highest) {
			problems.add("no band covers totals " + range(covered + 1, highest) + " (totals run from " + lowest
					+ " to " + highest + ")");
		}
	}

	private static void checkRiskRules(Instrument instrument, List<String> problems) {
		for (RiskRule rule : instrument.riskRules()) {
			String name = "risk rule " + rule.flag() + " on item " + rule.itemId();
			if (!CODE.matcher(rule.flag()).matches()) {
				problems.add(name + ": the flag must be UPPER_SNAKE_CASE");
			}
			instrument.item(rule.itemId()).ifPresentOrElse((item) -> {
				if (!item.hasOption(rule.atLeast())) {
					problems.add(name + ": atLeast " + rule.atLeast() + " is not one of the item's option values "
							+ valuesOf(item));
				}
				else if (rule.atLeast() <= item.minValue()) {
					problems.add(name + ": atLeast " + rule.atLeast()
							+ " is the item's lowest option, so the flag would be raised by every answer");
				}
			}, () -> problems.add(name + ": there is no item " + rule.itemId()));
		}
	}

	private static void checkMessages(Instrument instrument, List<String> problems) {
		Set<RecommendationKind> needed = instrument.bands()
			.stream()
			.map(Band::recommendation)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(RecommendationKind.class)));
		if (!instrument.riskRules().isEmpty()) {
			needed.add(RecommendationKind.URGENT_SUPPORT);
		}
		for (RecommendationKind kind : needed) {
			String message = instrument.messages().get(kind);
			if (message == null || message.isBlank()) {
				problems.add("messages." + kind + " is missing, but the instrument can recommend " + kind);
			}
		}
	}

	private static <T> Set<String> duplicates(List<T> elements, Function<T, String> key) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		elements.forEach((element) -> counts.merge(key.apply(element), 1, Integer::sum));
		return counts.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > 1)
			.map(Map.Entry::getKey)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private static void notBlank(String text, String name, List<String> problems) {
		if (text == null || text.isBlank()) {
			problems.add(name + " is blank");
		}
	}

	private static String valuesOf(Item item) {
		return item.options().stream().map((option) -> String.valueOf(option.value())).toList().toString();
	}

	private static String range(int from, int to) {
		return (from == to) ? String.valueOf(from) : from + "–" + to;
	}

}
