package org.mutuality.content.articles;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.util.HtmlUtils;

/**
 * The read side of articles: pages of summaries, newest first, or ranked by PostgreSQL full-text search, each hit
 * with a highlighted snippet.
 *
 * <p>How it stays fast with many articles: the status is written into the SQL as a literal (it comes from an enum),
 * so that the planner can use the partial indexes {@code articles_published_newest} (list) and
 * {@code article_search_published} (GIN, matching) even for prepared statements; search turns sequential scans off
 * for its transaction (see the search method). Search reads {@code article_search}, a narrow copy of each article's
 * vectors with the columns it filters and orders by (a trigger keeps it), whose rows are half as wide as the
 * articles': every hit's row is visited to rank and count it. Matching uses the weighted vector of title, summary
 * and body; ranking uses {@code search_head}, the title (A) and summary (B) part of it, which lives in the row:
 * ranking thousands of hits then never decompresses a body's vector. So hits rank title matches first, then
 * summary matches, then body-only matches, newest first within a rank. The total comes with the page
 * ({@code count(*) over ()}). Pages are chosen by id first, and only their rows are read in full (with their
 * topics), so skipped and unranked rows cost no more than their index entries; snippets are highlighted
 * ({@code ts_headline}) for the page's rows only, in each hit's first matching passage ({@code article_passages}),
 * or its summary when only title or summary matched. A quoted phrase that every hit must contain is looked for in
 * titles with summaries and in passages (their own GIN indexes), whose small vectors are quick to check for word
 * positions, so such a phrase matches within a title with its summary or within one passage of the body (a phrase
 * after {@code or} is matched in the whole text).
 */
@Repository
class ArticleQueries {

	/** Highlight markers: control characters, which bodies never contain, so that the snippet can be escaped. */
	private static final String START = "\u0002";

	private static final String STOP = "\u0003";

	static final String HEADLINE_OPTIONS = "StartSel=" + START + ", StopSel=" + STOP
			+ ", MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=\" … \"";

	private static final String SUMMARY_COLUMNS = """
			a.id, a.slug, a.title, a.summary, a.author_id, a.author_name, a.status, a.published_at, a.publish_at,
			a.reading_minutes, a.created_at,
			array(select t.topic_slug from article_topics t where t.article_id = a.id order by t.topic_slug) as topics""";

	private static final String ARTICLES_TABLE = "articles";

	/** What search reads of each article: the columns it filters and orders by, and the vectors (V3). */
	private static final String SEARCH_TABLE = "article_search";

	private final JdbcClient jdbc;

	ArticleQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	PageResponse<ArticleSummaryResponse> page(ArticleListing listing) {
		List<Object> params = new ArrayList<>();
		String where = where(listing, params);
		return listing.isSearch() ? search(listing, where, params) : list(listing, where, params);
	}

	private PageResponse<ArticleSummaryResponse> list(ArticleListing listing, String where, List<Object> params) {
		long total = count(ARTICLES_TABLE, where, params);
		if (total <= listing.offset()) {
			return PageResponse.of(List.of(), listing.page(), listing.size(), total);
		}
		List<Object> all = new ArrayList<>(params);
		all.add(listing.size());
		all.add(listing.offset());
		List<ArticleSummaryResponse> items = this.jdbc
			.sql("select " + SUMMARY_COLUMNS + " from (select a.id from " + ARTICLES_TABLE + " a " + where + " order by "
					+ newestFirst(listing) + " limit ? offset ?) page join articles a on a.id = page.id order by "
					+ newestFirst(listing))
			.params(all)
			.query((rs, row) -> summary(rs, null))
			.list();
		return PageResponse.of(items, listing.page(), listing.size(), total);
	}

	private PageResponse<ArticleSummaryResponse> search(ArticleListing listing, String where, List<Object> params) {
		// A common word matches most articles, and the planner then prefers a sequential scan, which evaluates the
		// match on every row's body vector (decompressing each, about ten times slower than the GIN bitmap scan,
		// which never reads the vectors). For this transaction only, it is told not to. And each statement is
		// planned for its query text: a generic plan (which the driver's prepared statements get after five runs)
		// cannot fold websearch_to_tsquery(?) into a constant, so it would parse the query again for every hit it
		// ranks, which doubled the time of a common word's search.
		// The same statement counts the nodes of the query's required phrase, if it has one (see RequiredPhrase).
		String phrase = RequiredPhrase.in(listing.query()).orElse(null);
		int phraseNodes = this.jdbc.sql("""
				select set_config('enable_seqscan', 'off', true), set_config('plan_cache_mode', 'force_custom_plan', true),
				    numnode(websearch_to_tsquery('english', ?)) as phrase_nodes""")
			.param(new SqlParameterValue(Types.VARCHAR, phrase))
			.query((rs, row) -> rs.getInt("phrase_nodes"))
			.single();
		// GIN finds the articles that have all of a phrase's words but cannot check that they stand together, so
		// each candidate's whole body vector would be read and checked (2,214 bodies of 10,000 for "first session",
		// for 3 hits). A phrase of two words or more is looked for in titles with summaries and in the body's
		// passages instead, whose vectors are small: a phrase then matches within one of them, not across two.
		// The candidates then lead: the whole query is checked on each of them by calling the match function
		// (ts_match_vq is what @@ runs), which no index serves, so the planner cannot choose instead to recheck the
		// body vector of every article with the phrase's words and join the candidates to those.
		params = new ArrayList<>(params);
		if (phraseNodes >= 3) {
			where += " and a.id in (select p.article_id from article_passages p"
					+ " where p.search @@ websearch_to_tsquery('english', ?)"
					+ " union all select h.id from " + SEARCH_TABLE + " h where h.status = '" + listing.status().name()
					+ "' and h.search_head @@ websearch_to_tsquery('english', ?))"
					+ " and ts_match_vq(a.search, websearch_to_tsquery('english', ?))";
			params.add(phrase);
			params.add(phrase);
		}
		else {
			where += " and a.search @@ websearch_to_tsquery('english', ?)";
		}
		params.add(listing.query());
		// Each hit is ranked as it is read, and only its id, rank and dates go on: the window that counts all hits
		// (and must keep them until it knows the count) then holds a few dozen bytes per hit instead of rows with
		// their head vectors, 300 kB instead of 2 MB for a word in 4,000 articles ("offset 0" keeps the planner from
		// merging the two levels). Time is about the same: the heap visit and the rank of every hit dominate.
		String page = "select a.id, a.rank, count(*) over () as total from (select a.id, a.published_at, a.publish_at,"
				+ " a.created_at, ts_rank(a.search_head, websearch_to_tsquery('english', ?)) as rank from " + SEARCH_TABLE
				+ " a " + where + " offset 0) a order by a.rank desc, " + newestFirst(listing) + " limit ? offset ?";
		String sql = "select " + SUMMARY_COLUMNS + ", page.total from (" + page
				+ ") page join articles a on a.id = page.id order by page.rank desc, " + newestFirst(listing);
		List<Object> all = new ArrayList<>();
		all.add(listing.query());
		all.addAll(params);
		all.add(listing.size());
		all.add(listing.offset());
		List<Hit> found = this.jdbc.sql(sql)
			.params(all)
			.query((rs, row) -> new Hit(summary(rs, null), rs.getLong("total")))
			.list();
		if (found.isEmpty()) {
			long count = (listing.page() == 0) ? 0 : count(SEARCH_TABLE, where, params);
			return PageResponse.of(List.of(), listing.page(), listing.size(), count);
		}
		Map<UUID, String> headlines = headlines(found, listing.query());
		List<ArticleSummaryResponse> items = found.stream()
			.map((hit) -> withSnippet(hit.summary(), snippet(headlines.get(hit.summary().id()))))
			.toList();
		return PageResponse.of(items, listing.page(), listing.size(), found.get(0).total());
	}

	/**
	 * Each hit's first passage that matches the query, highlighted; its summary when no passage matches (the title
	 * or summary did). Only the one passage is highlighted: the expensive {@code ts_headline} runs after the limit.
	 */
	private Map<UUID, String> headlines(List<Hit> hits, String query) {
		String[] ids = hits.stream().map((hit) -> hit.summary().id().toString()).toArray(String[]::new);
		Map<UUID, String> headlines = new HashMap<>();
		this.jdbc.sql("""
				select a.id, coalesce(
				    (select ts_headline('english', p.text, q.query, ?) from article_passages p
				     where p.article_id = a.id and p.search @@ q.query order by p.number limit 1),
				    ts_headline('english', a.summary, q.query, ?)) as headline
				from articles a, websearch_to_tsquery('english', ?) as q(query)
				where a.id = any(?::uuid[])""")
			.params(HEADLINE_OPTIONS, HEADLINE_OPTIONS, query, ids)
			.query((rs, row) -> headlines.put(rs.getObject("id", UUID.class), rs.getString("headline")))
			.list();
		return headlines;
	}

	private long count(String table, String where, List<Object> params) {
		return this.jdbc.sql("select count(*) from " + table + " a " + where).params(params).query(Long.class).single();
	}

	/**
	 * The conditions but the search's own, with the status as a literal (see the class comment) and everything else
	 * as parameters.
	 */
	private static String where(ArticleListing listing, List<Object> params) {
		StringBuilder where = new StringBuilder("where a.status = '" + listing.status().name() + "'");
		if (listing.authorId() != null) {
			where.append(" and a.author_id = ?");
			params.add(listing.authorId());
		}
		if (listing.topic() != null) {
			where.append(" and exists (select 1 from article_topics t where t.article_id = a.id and t.topic_slug = ?)");
			params.add(listing.topic());
		}
		return where.toString();
	}

	private static String newestFirst(ArticleListing listing) {
		return switch (listing.status()) {
			case PUBLISHED, ARCHIVED -> "a.published_at desc, a.id desc";
			case SCHEDULED -> "a.publish_at desc, a.id desc";
			case DRAFT -> "a.created_at desc, a.id desc";
		};
	}

	/** The headline as HTML: the text escaped, the highlight markers turned into {@code <mark>} elements. */
	static String snippet(String headline) {
		if (headline == null) {
			return null;
		}
		return HtmlUtils.htmlEscape(headline.replaceAll("\\s+", " ").strip(), "UTF-8")
			.replace(START, "<mark>")
			.replace(STOP, "</mark>");
	}

	private static ArticleSummaryResponse withSnippet(ArticleSummaryResponse s, String snippet) {
		return new ArticleSummaryResponse(s.id(), s.slug(), s.title(), s.summary(), s.topics(), s.author(), s.status(),
				s.publishedAt(), s.readingMinutes(), s.publishAt(), snippet);
	}

	private static ArticleSummaryResponse summary(ResultSet rs, String snippet) throws SQLException {
		ArticleStatus status = ArticleStatus.valueOf(rs.getString("status"));
		return new ArticleSummaryResponse(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("title"),
				rs.getString("summary"), Arrays.asList((String[]) rs.getArray("topics").getArray()),
				new AuthorResponse(rs.getObject("author_id", UUID.class), rs.getString("author_name")), status,
				ArticleRevisions.instant(rs, "published_at"), rs.getInt("reading_minutes"),
				(status == ArticleStatus.SCHEDULED) ? ArticleRevisions.instant(rs, "publish_at") : null, snippet);
	}

	private record Hit(ArticleSummaryResponse summary, long total) {
	}

}
