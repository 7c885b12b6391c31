package org.mutuality.content.articles;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An article as {@code GET /api/articles/{slug}} answers it: the summary's fields plus the body (Markdown and
 * sanitised HTML), timestamps, the version its {@code ETag} is made from, and the call to action.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ArticleResponse(UUID id, String slug, String title, String summary, List<String> topics, AuthorResponse author,
		ArticleStatus status, @JsonInclude(JsonInclude.Include.ALWAYS) Instant publishedAt, int readingMinutes,
		Instant publishAt, String bodyMarkdown, String bodyHtml, Instant createdAt, Instant updatedAt, long version,
		CallToActionResponse callToAction) {

	static ArticleResponse of(Article article) {
		return new ArticleResponse(article.getId(), article.getSlug(), article.getTitle(), article.getSummary(),
				article.getTopics().stream().sorted().toList(),
				new AuthorResponse(article.getAuthorId(), article.getAuthorName()), article.getStatus(),
				article.getPublishedAt(), article.getReadingMinutes(),
				(article.getStatus() == ArticleStatus.SCHEDULED) ? article.getPublishAt() : null,
				article.getBodyMarkdown(), article.getBodyHtml(), article.getCreatedAt(), article.getUpdatedAt(),
				article.getVersion(), CallToActionResponse.of(article.getCallToAction()));
	}

	/** The call to action, {@code assessmentId} only for {@code ASSESSMENT}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CallToActionResponse(CallToAction.Kind kind, String assessmentId) {

		static CallToActionResponse of(CallToAction callToAction) {
			return new CallToActionResponse(callToAction.kind(), callToAction.assessmentId());
		}

	}

}
