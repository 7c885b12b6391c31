package org.mutuality.content.articles;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The passages of article bodies ({@code article_passages}): paragraphs (long ones cut between sentences) joined
 * up to about {@value #TARGET_LENGTH} characters. Search highlights its snippet in a hit's first matching passage,
 * which costs a fraction of highlighting the whole body: {@code ts_headline} parses all the text it is given.
 */
@Repository
class ArticlePassages {

	static final int TARGET_LENGTH = 300;

	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+");

	private final JdbcTemplate jdbc;

	ArticlePassages(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Replaces the article's passages with those of its (new) body text. */
	void replace(UUID articleId, String bodyText) {
		this.jdbc.update("delete from article_passages where article_id = ?", articleId);
		List<String> passages = split(bodyText);
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < passages.size(); i++) {
			rows.add(new Object[] { articleId, i + 1, passages.get(i) });
		}
		this.jdbc.batchUpdate("insert into article_passages (article_id, number, text) values (?, ?, ?)", rows);
	}

	/**
	 * The passages of a body text: its lines (paragraphs, headings, list items; long ones as their sentences),
	 * joined while they are short.
	 */
	static List<String> split(String text) {
		List<String> units = new ArrayList<>();
		for (String line : text.split("\\R+")) {
			String stripped = line.strip();
			if (stripped.length() > TARGET_LENGTH) {
				units.addAll(List.of(SENTENCE_END.split(stripped)));
			}
			else if (!stripped.isEmpty()) {
				units.add(stripped);
			}
		}
		List<String> passages = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String paragraph : units) {
			if (!current.isEmpty() && current.length() + paragraph.length() > TARGET_LENGTH) {
				passages.add(current.toString());
				current.setLength(0);
			}
			if (!current.isEmpty()) {
				current.append('\n');
			}
			current.append(paragraph);
		}
		if (!current.isEmpty()) {
			passages.add(current.toString());
		}
		return passages;
	}

}
