package org.mutuality.platform.text;

import java.util.regex.Pattern;

/**
 * Text made fit to be shown, stored and written into XML as one line: control characters (a line
 * break, or a vertical tab pasted from a word processor) and the non-characters U+FFFE and U+FFFF
 * become spaces, and the ends are stripped. XML cannot hold those characters, so one of them in a
 * title or an author's name would fail a feed for everyone.
 *
 * <p>{@link #of(String, int)} also bounds the length for text the caller does not choose, such as
 * a name from an identity token: it is cut to fit its column instead of refusing the request.
 */
public final class PlainLine {

	private static final Pattern NOT_TEXT = Pattern.compile("[\\p{Cc}\\x{FFFE}\\x{FFFF}]+");

	private PlainLine() {
	}

	/** The text as one plain line; {@code null} stays {@code null}. */
	public static String of(String text) {
		return (text != null) ? NOT_TEXT.matcher(text).replaceAll(" ").strip() : null;
	}

	/**
	 * The text as one plain line of at most {@code maxLength} UTF-16 units (a column's length), cut
	 * between two characters, never inside a surrogate pair; {@code null} stays {@code null}.
	 */
	public static String of(String text, int maxLength) {
		String line = of(text);
		if (line == null || line.length() <= maxLength) {
			return line;
		}
		int end = Character.isHighSurrogate(line.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
		return line.substring(0, end).strip();
	}

}
