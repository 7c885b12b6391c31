package org.mutuality.content.articles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.mutuality.platform.problem.ConflictException;

/**
 * An article and its lifecycle. The transitions are guarded here: an illegal one throws a 409 conflict with the
 * code {@code invalid-transition}.
 */
@Entity
@Table(name = "articles")
class Article {

	@Id
	private UUID id;

	private String slug;

	private String title;

	private String summary;

	private String bodyMarkdown;

	private String bodyHtml;

	private String bodyText;

	private int readingMinutes;

	@Enumerated(EnumType.STRING)
	private ArticleStatus status;

	private UUID authorId;

	private String authorName;

	@Embedded
	private CallToAction callToAction;

	private Instant publishAt;

	private Instant publishedAt;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private Long version;

	@ElementCollection
	@CollectionTable(name = "article_topics", joinColumns = @JoinColumn(name = "article_id"))
	@Column(name = "topic_slug")
	private Set<String> topics = new LinkedHashSet<>();

	protected Article() {
	}

	Article(UUID id, UUID authorId, String authorName, Instant now) {
		this.id = id;
		this.authorId = authorId;
		this.authorName = authorName;
		this.status = ArticleStatus.DRAFT;
		this.createdAt = now;
		this.updatedAt = now;
		this.callToAction = CallToAction.NONE;
	}

	void setContent(ArticleContent content, Instant now) {
		this.slug = content.slug();
		this.title = content.title();
		this.summary = content.summary();
		this.bodyMarkdown = content.bodyMarkdown();
		this.bodyHtml = content.bodyHtml();
		this.bodyText = content.bodyText();
		this.readingMinutes = content.readingMinutes();
		this.callToAction = content.callToAction();
		if (!this.topics.equals(Set.copyOf(content.topics()))) {
			this.topics.clear();
			this.topics.addAll(content.topics());
		}
		this.updatedAt = now;
	}

	void publish(Instant now) {
		requireStatus("publish", ArticleStatus.DRAFT, ArticleStatus.SCHEDULED);
		this.status = ArticleStatus.PUBLISHED;
		this.publishAt = null;
		this.publishedAt = now;
		this.updatedAt = now;
	}

	void schedule(Instant publishAt, Instant now) {
		requireStatus("schedule", ArticleStatus.DRAFT, ArticleStatus.SCHEDULED);
		this.status = ArticleStatus.SCHEDULED;
		this.publishAt = publishAt;
		this.updatedAt = now;
	}

	void archive(Instant now) {
		requireStatus("archive", ArticleStatus.PUBLISHED);
		this.status = ArticleStatus.ARCHIVED;
		this.updatedAt = now;
	}

	private void requireStatus(String action, ArticleStatus... allowed) {
		for (ArticleStatus status : allowed) {
			if (this.status == status) {
				return;
			}
		}
		throw new ConflictException("invalid-transition",
				"A " + this.status + " article cannot be " + past(action) + "; allowed from " + List.of(allowed));
	}

	private static String past(String action) {
		return action.endsWith("e") ? action + "d" : action + "ed";
	}

	boolean isAuthoredBy(UUID userId) {
		return this.authorId.equals(userId);
	}

	UUID getId() {
		return this.id;
	}

	String getSlug() {
		return this.slug;
	}

	String getTitle() {
		return this.title;
	}

	String getSummary() {
		return this.summary;
	}

	String getBodyMarkdown() {
		return this.bodyMarkdown;
	}

	String getBodyHtml() {
		return this.bodyHtml;
	}

	int getReadingMinutes() {
		return this.readingMinutes;
	}

	ArticleStatus getStatus() {
		return this.status;
	}

	UUID getAuthorId() {
		return this.authorId;
	}

	String getAuthorName() {
		return this.authorName;
	}

	CallToAction getCallToAction() {
		return (this.callToAction != null) ? this.callToAction : CallToAction.NONE;
	}

	Instant getPublishAt() {
		return this.publishAt;
	}

	Instant getPublishedAt() {
		return this.publishedAt;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getUpdatedAt() {
		return this.updatedAt;
	}

	long getVersion() {
		return (this.version != null) ? this.version : 0;
	}

	List<String> getTopics() {
		return new ArrayList<>(this.topics);
	}

}
