package org.mutuality.content.articles;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The content of an article as its author writes it, for {@code POST /api/articles} and
 * {@code PUT /api/articles/{id}}. A missing {@code summary} is derived from the body; a missing {@code slug} is
 * derived from the title on creation and left as it is on replacement (so that published URLs stay put); a missing
 * {@code callToAction} is {@code NONE}.
 */
public record ArticleRequest(@NotBlank @Size(max = 200) String title, @Size(max = 600) String summary,
		@NotBlank @Size(max = 200_000) String bodyMarkdown,
		@Size(max = 10) List<@NotBlank @Size(max = 80) String> topics,
		@Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN,
				message = "must be lower-case letters and digits joined by single hyphens") String slug,
		@Valid CallToActionRequest callToAction) {

	public ArticleRequest {
		topics = (topics != null) ? topics : List.of();
	}

	/** An invitation at the end of the article. */
	public record CallToActionRequest(CallToAction.Kind kind,
			@Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be an assessment id such as phq-9") String assessmentId) {

		CallToAction toCallToAction() {
			return new CallToAction(this.kind, this.assessmentId);
		}

	}

}
