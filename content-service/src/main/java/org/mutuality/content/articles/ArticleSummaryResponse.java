package org.mutuality.content.articles;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An article in a list. {@code publishAt} is set while it is scheduled; {@code snippet} only in search results: a
 * passage of the body as HTML-escaped text in which the matched words are wrapped in {@code <mark>}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ArticleSummaryResponse(UUID id, String slug, String title, String summary, List<String> topics,
		AuthorResponse author, ArticleStatus status, @JsonInclude(JsonInclude.Include.ALWAYS) Instant publishedAt,
		int readingMinutes, Instant publishAt, String snippet) {

}
