package org.mutuality.content.articles;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.mutuality.content.markdown.MarkdownRenderer;
import org.mutuality.content.markdown.RenderedMarkdown;
import org.mutuality.content.topics.Topics;
import org.mutuality.platform.problem.ConflictException;
import org.mutuality.platform.problem.FieldViolation;
import org.mutuality.platform.problem.NotFoundException;
import org.mutuality.platform.problem.ValidationProblem;
import org.mutuality.platform.security.CurrentUser;
import org.mutuality.platform.text.PlainLine;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The application service of articles: creating and editing them, their lifecycle, revisions, and reading them
 * with the visibility rules of API.md. Anyone sees published articles; an author also sees their own in any
 * status, and an admin sees everything. Therapists edit their own drafts only; admins edit any article. An article
 * the caller may not see or change is answered as not found, so that its existence does not leak.
 */
@Service
@Transactional
class ArticleService {

	/** The length a derived summary is cut to. */
	static final int DERIVED_SUMMARY_LENGTH = 280;

	private final ArticleRepository articles;

	private final ArticleSlugs slugs;

	private final ArticleRevisions revisions;

	private final ArticlePassages passages;

	private final ArticleQueries queries;

	private final Topics topics;

	private final MarkdownRenderer renderer;

	private final Clock clock;

	ArticleService(ArticleRepository articles, ArticleSlugs slugs, ArticleRevisions revisions,
			ArticlePassages passages, ArticleQueries queries, Topics topics, MarkdownRenderer renderer, Clock clock) {
		this.articles = articles;
		this.slugs = slugs;
		this.revisions = revisions;
		this.passages = passages;
		this.queries = queries;
		this.topics = topics;
		this.renderer = renderer;
		this.clock = clock;
	}

	ArticleResponse create(ArticleRequest request, CurrentUser author) {
		Instant now = this.clock.instant();
		Article article = new Article(UUID.randomUUID(), author.id(), nameOf(author), now);
		String slug = (request.slug() != null) ? requireFree(request.slug(), article.getId())
				: this.slugs.freeSlugFor(request.title());
		ArticleContent content = content(request, slug);
		article.setContent(content, now);
		this.articles.saveAndFlush(article);
		this.slugs.claim(slug, article.getId());
		this.passages.replace(article.getId(), content.bodyText());
		return ArticleResponse.of(article);
	}

	ArticleResponse update(UUID id, ArticleRequest request, String ifMatch, CurrentUser user) {
		Article article = editable(id, user);
		ArticleETags.checkIfMatch(ifMatch, article);
		return replaceContent(article, request, user);
	}

	ArticleResponse restore(UUID id, int number, String ifMatch, CurrentUser user) {
		Article article = editable(id, user);
		ArticleETags.checkIfMatch(ifMatch, article);
		RevisionResponse revision = this.revisions.find(id, number)
			.orElseThrow(() -> new NotFoundException("Revision " + number + " of article " + id + " was not found"));
		ArticleRequest request = new ArticleRequest(revision.title(), revision.summary(), revision.bodyMarkdown(),
				revision.topics(), revision.slug(), new ArticleRequest.CallToActionRequest(
						revision.callToAction().kind(), revision.callToAction().assessmentId()));
		return replaceContent(article, request, user);
	}

	ArticleResponse publish(UUID id, Instant publishAt, CurrentUser admin) {
		Article article = forAdmin(id, admin);
		Instant now = this.clock.instant();
		if (publishAt == null || !publishAt.isAfter(now)) {
			article.publish(now);
		}
		else {
			article.schedule(publishAt, now);
		}
		this.articles.flush();
		return ArticleResponse.of(article);
	}

	ArticleResponse archive(UUID id, CurrentUser admin) {
		Article article = forAdmin(id, admin);
		article.archive(this.clock.instant());
		this.articles.flush();
		return ArticleResponse.of(article);
	}

	void delete(UUID id, CurrentUser admin) {
		this.articles.delete(forAdmin(id, admin));
	}

	@Transactional(readOnly = true)
	ArticleLookup find(String slugOrId, Optional<CurrentUser> user) {
		Optional<Article> current = this.articles.findBySlug(slugOrId);
		if (current.isPresent()) {
			return visible(current.get(), user).map(ArticleResponse::of)
				.map(ArticleLookup.Found::new)
				.orElseThrow(() -> notFound(slugOrId));
		}
		Optional<UUID> former = this.slugs.owner(slugOrId);
		if (former.isPresent()) {
			return this.articles.findById(former.get())
				.flatMap((article) -> visible(article, user))
				.map((article) -> new ArticleLookup.Moved(article.getSlug()))
				.orElseThrow(() -> notFound(slugOrId));
		}
		return parseId(slugOrId).flatMap(this.articles::findById)
			.flatMap((article) -> visible(article, user))
			.map(ArticleResponse::of)
			.map(ArticleLookup.Found::new)
			.orElseThrow(() -> notFound(slugOrId));
	}

	/**
	 * A page of article summaries. Without a status, the published ones (for everyone); with one, an admin sees
	 * every article in that status and a therapist their own; others may ask for {@code PUBLISHED} only.
	 */
	@Transactional(readOnly = true)
	PageResponse<ArticleSummaryResponse> list(ArticleStatus status, String topic, String query, int page, int size,
			Optional<CurrentUser> user) {
		if (topic != null && !this.topics.exists(topic)) {
			throw ValidationProblem.of("topic", "is not a known topic");
		}
		String text = (query != null && !query.isBlank()) ? query.strip() : null;
		boolean admin = user.map(CurrentUser::isAdmin).orElse(false);
		boolean therapist = user.map(CurrentUser::isTherapist).orElse(false);
		UUID authorId = null;
		if (status == null) {
			status = ArticleStatus.PUBLISHED;
		}
		else if (therapist && !admin) {
			authorId = user.get().id();
		}
		else if (!admin && status != ArticleStatus.PUBLISHED) {
			throw new AccessDeniedException("Only therapists and admins may list " + status + " articles");
		}
		return this.queries.page(new ArticleListing(status, authorId, topic, text, page, size));
	}

	@Transactional(readOnly = true)
	PageResponse<RevisionResponse> revisions(UUID id, int page, int size, CurrentUser user) {
		Article article = this.articles.findById(id)
			.filter((candidate) -> mayEdit(candidate, user))
			.orElseThrow(() -> NotFoundException.of("Article", id));
		long total = this.revisions.count(article.getId());
		List<RevisionResponse> items = (total > (long) page * size) ? this.revisions.page(id, page, size) : List.of();
		return PageResponse.of(items, page, size, total);
	}

	/** The author's name as the article shows it: their display name, else their username, else their id. */
	static String nameOf(CurrentUser user) {
		if (user.displayName() != null) {
			return user.displayName();
		}
		return (user.username() != null) ? PlainLine.of(user.username(), CurrentUser.MAX_NAME_LENGTH)
				: user.id().toString();
	}

	private ArticleResponse replaceContent(Article article, ArticleRequest request, CurrentUser user) {
		String slug = (request.slug() != null) ? request.slug() : article.getSlug();
		if (!slug.equals(article.getSlug())) {
			requireFree(slug, article.getId());
		}
		ArticleContent content = content(request, slug);
		Instant now = this.clock.instant();
		this.revisions.keep(article, user, now);
		article.setContent(content, now);
		this.articles.flush();
		this.slugs.claim(slug, article.getId());
		this.passages.replace(article.getId(), content.bodyText());
		return ArticleResponse.of(article);
	}

	private ArticleContent content(ArticleRequest request, String slug) {
		List<FieldViolation> errors = new ArrayList<>();
		String title = PlainLine.of(request.title());
		if (title.isEmpty()) {
			errors.add(new FieldViolation("title", "must not be blank"));
		}
		Set<String> unknownTopics = this.topics.unknown(request.topics());
		for (int i = 0; i < request.topics().size(); i++) {
			if (unknownTopics.contains(request.topics().get(i))) {
				errors.add(new FieldViolation("topics[" + i + "]", "is not a known topic"));
			}
		}
		CallToAction callToAction = (request.callToAction() != null) ? request.callToAction().toCallToAction()
				: CallToAction.NONE;
		if (request.callToAction() != null && request.callToAction().kind() == null) {
			errors.add(new FieldViolation("callToAction.kind", "must not be null"));
		}
		if (callToAction.kind() == CallToAction.Kind.ASSESSMENT && callToAction.assessmentId() == null) {
			errors.add(new FieldViolation("callToAction.assessmentId", "is required for an ASSESSMENT call to action"));
		}
		if (!errors.isEmpty()) {
			throw new ValidationProblem(errors);
		}
		RenderedMarkdown body = this.renderer.render(request.bodyMarkdown());
		String summary = (request.summary() != null) ? PlainLine.of(request.summary()) : "";
		if (summary.isEmpty()) {
			summary = body.excerpt(DERIVED_SUMMARY_LENGTH);
		}
		return new ArticleContent(slug, title, summary, request.bodyMarkdown(), body.html(),
				body.text(), body.readingMinutes(), request.topics().stream().distinct().toList(), callToAction);
	}

	private String requireFree(String slug, UUID articleId) {
		this.slugs.lock(slug);
		Optional<UUID> owner = this.slugs.owner(slug);
		if (owner.isPresent() && !owner.get().equals(articleId)) {
			throw ArticleSlugs.taken(slug);
		}
		return slug;
	}

	/** The article for an edit by its author (a draft only) or an admin; locked until the transaction ends. */
	private Article editable(UUID id, CurrentUser user) {
		Article article = owned(id, user);
		if (!user.isAdmin() && article.getStatus() != ArticleStatus.DRAFT) {
			throw new ConflictException("not-a-draft", "Only drafts can be edited by their author; this article is "
					+ article.getStatus() + ". Ask an admin to change it.");
		}
		return article;
	}

	/** The article if the user is an admin or its author; locked until the transaction ends. */
	private Article owned(UUID id, CurrentUser user) {
		return this.articles.findForUpdate(id)
			.filter((article) -> mayEdit(article, user))
			.orElseThrow(() -> NotFoundException.of("Article", id));
	}

	private static boolean mayEdit(Article article, CurrentUser user) {
		return user.isAdmin() || (user.isTherapist() && article.isAuthoredBy(user.id()));
	}

	private Article forAdmin(UUID id, CurrentUser user) {
		if (!user.isAdmin()) {
			throw new AccessDeniedException("Only admins may change an article's status");
		}
		return this.articles.findForUpdate(id).orElseThrow(() -> NotFoundException.of("Article", id));
	}

	private static Optional<Article> visible(Article article, Optional<CurrentUser> user) {
		if (article.getStatus() == ArticleStatus.PUBLISHED) {
			return Optional.of(article);
		}
		boolean allowed = user.map((u) -> u.isAdmin() || (u.isTherapist() && article.isAuthoredBy(u.id())))
			.orElse(false);
		return allowed ? Optional.of(article) : Optional.empty();
	}

	private static NotFoundException notFound(String slug) {
		return NotFoundException.of("Article", slug);
	}

	private static Optional<UUID> parseId(String value) {
		try {
			return (value.length() == 36) ? Optional.of(UUID.fromString(value)) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
