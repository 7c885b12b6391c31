package org.mutuality.content.articles;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules for article slugs: derived from a title by folding accents, lower-casing, and joining the
 * remaining letters and digits with single hyphens, at most {@value #MAX_LENGTH} characters, cut at a
 * word boundary. A collision is resolved by the caller with {@link #withSuffix(String, int)}
 * ({@code -2}, {@code -3}, ...), which keeps the result within the bound too.
 */
final class Slugs {

	static final int MAX_LENGTH = 80;

	/** What an explicit slug must look like. */
	static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";

	private static final Pattern VALID = Pattern.compile(PATTERN);

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

	/** Letters that Unicode decomposition does not reduce to ASCII. */
	private static final Map<String, String> LIGATURES = Map.ofEntries(Map.entry("ß", "ss"), Map.entry("æ", "ae"),
			Map.entry("œ", "oe"), Map.entry("ø", "o"), Map.entry("ł", "l"), Map.entry("đ", "d"), Map.entry("ð", "d"),
			Map.entry("þ", "th"), Map.entry("ı", "i"), Map.entry("&", " and "));

	private static final String FALLBACK = "article";

	private Slugs() {
	}

	/** The slug for a title; {@code article} when the title has no letters or digits at all. */
	static String fromTitle(String title) {
		String text = title.toLowerCase(Locale.ROOT);
		for (Map.Entry<String, String> ligature : LIGATURES.entrySet()) {
			text = text.replace(ligature.getKey(), ligature.getValue());
		}
		text = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
		text = NOT_ALPHANUMERIC.matcher(text).replaceAll("-");
		text = trimHyphens(text);
		return text.isEmpty() ? FALLBACK : bound(text, MAX_LENGTH);
	}

	/** {@code base-n}, shortened at a word boundary so that the whole stays within the bound. */
	static String withSuffix(String base, int n) {
		String suffix = "-" + n;
		return bound(base, MAX_LENGTH - suffix.length()) + suffix;
	}

	static boolean isValid(String slug) {
		return slug != null && slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
	}

	private static String bound(String slug, int max) {
		if (slug.length() <= max) {
			return slug;
		}
		String cut = slug.substring(0, max);
		int lastHyphen = cut.lastIndexOf('-');
		if (slug.charAt(max) != '-' && lastHyphen > max / 2) {
			cut = cut.substring(0, lastHyphen);
		}
		return trimHyphens(cut);
	}

	private static String trimHyphens(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && text.charAt(start) == '-') {
			start++;
		}
		while (end > start && text.charAt(end - 1) == '-') {
			end--;
		}
		return text.substring(start, end);
	}

}
