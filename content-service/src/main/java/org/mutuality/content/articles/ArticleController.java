package org.mutuality.content.articles;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.mutuality.platform.security.CurrentUser;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/articles")
class ArticleController {

	/** Published articles may be kept by any cache for a minute, then revalidated with their ETag. */
	private static final CacheControl PUBLIC = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();

	/** Anything else is for its author and admins only: never stored by a shared cache. */
	private static final CacheControl PRIVATE = CacheControl.noCache().cachePrivate();

	private final ArticleService articles;

	ArticleController(ArticleService articles) {
		this.articles = articles;
	}

	@GetMapping
	ResponseEntity<PageResponse<ArticleSummaryResponse>> list(@RequestParam(required = false) @Size(max = 200) String q,
			@RequestParam(required = false) String topic, @RequestParam(required = false) ArticleStatus status,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Optional<CurrentUser> user) {
		PageResponse<ArticleSummaryResponse> body = this.articles.list(status, topic, q, page, size, user);
		boolean publicList = status == null || status == ArticleStatus.PUBLISHED;
		return ResponseEntity.ok().cacheControl(publicList ? PUBLIC : PRIVATE).body(body);
	}

	@GetMapping("/{slug}")
	ResponseEntity<ArticleResponse> article(@PathVariable String slug, Optional<CurrentUser> user) {
		ArticleLookup lookup = this.articles.find(slug, user);
		if (lookup instanceof ArticleLookup.Moved moved) {
			return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
				.location(URI.create("/api/articles/" + moved.slug()))
				.build();
		}
		ArticleResponse article = ((ArticleLookup.Found) lookup).article();
		return ResponseEntity.ok()
			.eTag(ArticleETags.of(article))
			.cacheControl((article.status() == ArticleStatus.PUBLISHED) ? PUBLIC : PRIVATE)
			.body(article);
	}

	@PostMapping
	ResponseEntity<ArticleResponse> create(@Valid @RequestBody ArticleRequest request, CurrentUser user) {
		ArticleResponse article = this.articles.create(request, user);
		return ResponseEntity.created(URI.create("/api/articles/" + article.slug()))
			.eTag(ArticleETags.of(article))
			.body(article);
	}

	@PutMapping("/{id}")
	ResponseEntity<ArticleResponse> update(@PathVariable UUID id, @Valid @RequestBody ArticleRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, CurrentUser user) {
		return answer(this.articles.update(id, request, ifMatch, user));
	}

	@PostMapping("/{id}/publish")
	ResponseEntity<ArticleResponse> publish(@PathVariable UUID id,
			@Valid @RequestBody(required = false) PublishRequest request, CurrentUser user) {
		return answer(this.articles.publish(id, (request != null) ? request.publishAt() : null, user));
	}

	@PostMapping("/{id}/archive")
	ResponseEntity<ArticleResponse> archive(@PathVariable UUID id, CurrentUser user) {
		return answer(this.articles.archive(id, user));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id, CurrentUser user) {
		this.articles.delete(id, user);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/revisions")
	ResponseEntity<PageResponse<RevisionResponse>> revisions(@PathVariable UUID id,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, CurrentUser user) {
		return ResponseEntity.ok().cacheControl(PRIVATE).body(this.articles.revisions(id, page, size, user));
	}

	@PostMapping("/{id}/revisions/{number}/restore")
	ResponseEntity<ArticleResponse> restore(@PathVariable UUID id, @PathVariable int number,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, CurrentUser user) {
		return answer(this.articles.restore(id, number, ifMatch, user));
	}

	private static ResponseEntity<ArticleResponse> answer(ArticleResponse article) {
		return ResponseEntity.ok().eTag(ArticleETags.of(article)).body(article);
	}

}
