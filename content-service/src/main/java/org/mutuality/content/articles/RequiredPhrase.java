package org.mutuality.content.articles;

import java.util.Locale;
import java.util.Optional;

/**
 * The first quoted phrase that every hit of a web-search query must contain ({@code websearch_to_tsquery}'s
 * syntax): {@code "first session" anxiety} requires {@code "first session"}. None when the query has an
 * {@code or} outside quotes (a hit may then match the other side), when each phrase is negated
 * ({@code -"first session"}) or when a quote is left open. Search uses it to find candidates from the small
 * vectors of titles, summaries and passages instead of checking word positions in every whole body that has
 * the phrase's words.
 */
final class RequiredPhrase {

	private RequiredPhrase() {
	}

	/** The phrase with its quotes, e.g. {@code "first session"}, ready for {@code websearch_to_tsquery}. */
	static Optional<String> in(String query) {
		String phrase = null;
		StringBuilder outside = new StringBuilder();
		int at = 0;
		while (at < query.length()) {
			int open = query.indexOf('"', at);
			if (open < 0) {
				outside.append(query, at, query.length());
				break;
			}
			int close = query.indexOf('"', open + 1);
			if (close < 0) {
				return Optional.empty();
			}
			outside.append(query, at, open).append(' ');
			boolean negated = open > 0 && query.charAt(open - 1) == '-';
			if (phrase == null && !negated) {
				phrase = query.substring(open, close + 1);
			}
			at = close + 1;
		}
		for (String word : outside.toString().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (word.equals("or")) {
				return Optional.empty();
			}
		}
		return Optional.ofNullable(phrase);
	}

}
