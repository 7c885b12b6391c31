package org.mutuality.content.articles;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.util.HtmlUtils;

/**
 * The read side of articles: pages of summaries, newest first, or ranked by PostgreSQL full-text search over the
 * weighted {@code search} column (title before summary before body), each hit with a highlighted snippet of its
 * body. The public list is backed by the partial index {@code articles_published_newest}, search by the GIN index
 * {@code articles_search}; snippets ({@code ts_headline}) are computed for the page's rows only.
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

	private final JdbcClient jdbc;

	ArticleQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	PageResponse<ArticleSummaryResponse> page(ArticleListing listing) {
		List<Object> params = new ArrayList<>();
		String where = where(listing, params);
		long total = this.jdbc.sql("select count(*) from articles a " + where)
			.params(params)
			.query(Long.class)
			.single();
		if (total <= listing.offset()) {
			return PageResponse.of(List.of(), listing.page(), listing.size(), total);
		}
		List<ArticleSummaryResponse> items = listing.isSearch() ? search(listing, where, params)
				: list(listing, where, params);
		return PageResponse.of(items, listing.page(), listing.size(), total);
	}

	private List<ArticleSummaryResponse> list(ArticleListing listing, String where, List<Object> params) {
		List<Object> all = new ArrayList<>(params);
		all.add(listing.size());
		all.add(listing.offset());
		return this.jdbc
			.sql("select " + SUMMARY_COLUMNS + " from articles a " + where + " order by " + newestFirst(listing)
					+ " limit ? offset ?")
			.params(all)
			.query((rs, row) -> summary(rs, null))
			.list();
	}

	private List<ArticleSummaryResponse> search(ArticleListing listing, String where, List<Object> params) {
		String hits = "select " + SUMMARY_COLUMNS + ", a.body_text, ts_rank_cd(a.search, q.query) as rank"
				+ " from articles a, websearch_to_tsquery('english', ?) as q(query) " + where + " order by rank desc, "
				+ newestFirst(listing) + " limit ? offset ?";
		String sql = "select hit.*, ts_headline('english', hit.body_text, q.query, ?) as snippet from (" + hits
				+ ") hit, websearch_to_tsquery('english', ?) as q(query) order by hit.rank desc, "
				+ newestFirst(listing).replace("a.", "hit.");
		List<Object> all = new ArrayList<>();
		all.add(HEADLINE_OPTIONS);
		all.add(listing.query());
		all.addAll(params);
		all.add(listing.size());
		all.add(listing.offset());
		all.add(listing.query());
		return this.jdbc.sql(sql)
			.params(all)
			.query((rs, row) -> summary(rs, snippet(rs.getString("snippet"))))
			.list();
	}

	private static String where(ArticleListing listing, List<Object> params) {
		StringBuilder where = new StringBuilder("where a.status = ?");
		params.add(listing.status().name());
		if (listing.authorId() != null) {
			where.append(" and a.author_id = ?");
			params.add(listing.authorId());
		}
		if (listing.topic() != null) {
			where.append(" and exists (select 1 from article_topics t where t.article_id = a.id and t.topic_slug = ?)");
			params.add(listing.topic());
		}
		if (listing.isSearch()) {
			where.append(" and a.search @@ websearch_to_tsquery('english', ?)");
			params.add(listing.query());
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

	private static ArticleSummaryResponse summary(ResultSet rs, String snippet) throws SQLException {
		ArticleStatus status = ArticleStatus.valueOf(rs.getString("status"));
		return new ArticleSummaryResponse(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("title"),
				rs.getString("summary"), Arrays.asList((String[]) rs.getArray("topics").getArray()),
				new AuthorResponse(rs.getObject("author_id", UUID.class), rs.getString("author_name")), status,
				ArticleRevisions.instant(rs, "published_at"), rs.getInt("reading_minutes"),
				(status == ArticleStatus.SCHEDULED) ? ArticleRevisions.instant(rs, "publish_at") : null, snippet);
	}

}
