package org.mutuality.content.articles;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.mutuality.platform.security.CurrentUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The previous states of articles ({@code article_revisions}), numbered from 1 per article.
 */
@Repository
class ArticleRevisions {

	private static final String COLUMNS = """
			number, article_version, slug, title, summary, body_markdown, topics, cta_kind, cta_assessment_id,
			article_updated_at, replaced_by_id, replaced_by_name, replaced_at""";

	private final JdbcClient jdbc;

	ArticleRevisions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Keeps the article's current state as its next revision, replaced by the given user now. */
	void keep(Article article, CurrentUser replacedBy, Instant now) {
		this.jdbc.sql("""
				insert into article_revisions (article_id, number, article_version, slug, title, summary,
				    body_markdown, topics, cta_kind, cta_assessment_id, article_updated_at, replaced_by_id,
				    replaced_by_name, replaced_at)
				values (:id, (select coalesce(max(number), 0) + 1 from article_revisions where article_id = :id),
				    :version, :slug, :title, :summary, :body, :topics, :ctaKind, :ctaAssessment, :updatedAt,
				    :replacedById, :replacedByName, :replacedAt)""")
			.param("id", article.getId())
			.param("version", article.getVersion())
			.param("slug", article.getSlug())
			.param("title", article.getTitle())
			.param("summary", article.getSummary())
			.param("body", article.getBodyMarkdown())
			.param("topics", article.getTopics().stream().sorted().toArray(String[]::new))
			.param("ctaKind", article.getCallToAction().kind().name())
			.param("ctaAssessment", article.getCallToAction().assessmentId())
			.param("updatedAt", Timestamp.from(article.getUpdatedAt()))
			.param("replacedById", replacedBy.id())
			.param("replacedByName", ArticleService.nameOf(replacedBy))
			.param("replacedAt", Timestamp.from(now))
			.update();
	}

	long count(UUID articleId) {
		return this.jdbc.sql("select count(*) from article_revisions where article_id = ?")
			.param(articleId)
			.query(Long.class)
			.single();
	}

	/** A page of the article's revisions, newest first. */
	List<RevisionResponse> page(UUID articleId, int page, int size) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from article_revisions where article_id = ? order by number desc limit ? offset ?")
			.params(articleId, size, (long) page * size)
			.query(ArticleRevisions::revision)
			.list();
	}

	Optional<RevisionResponse> find(UUID articleId, int number) {
		return this.jdbc.sql("select " + COLUMNS + " from article_revisions where article_id = ? and number = ?")
			.params(articleId, number)
			.query(ArticleRevisions::revision)
			.optional();
	}

	private static RevisionResponse revision(ResultSet rs, int row) throws SQLException {
		Array topics = rs.getArray("topics");
		CallToAction callToAction = new CallToAction(CallToAction.Kind.valueOf(rs.getString("cta_kind")),
				rs.getString("cta_assessment_id"));
		return new RevisionResponse(rs.getInt("number"), rs.getLong("article_version"), rs.getString("slug"),
				rs.getString("title"), rs.getString("summary"), rs.getString("body_markdown"),
				Arrays.asList((String[]) topics.getArray()), ArticleResponse.CallToActionResponse.of(callToAction),
				instant(rs, "article_updated_at"),
				new AuthorResponse(rs.getObject("replaced_by_id", UUID.class), rs.getString("replaced_by_name")),
				instant(rs, "replaced_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
