package org.mutuality.content.articles;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.mutuality.platform.openapi.ServiceOpenApi;
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

/**
 * API.md's article operations; the role rules are in the security configuration, ownership and state rules in
 * {@link ArticleService}. The {@code @Operation}s describe them for the OpenAPI description.
 */
@RestController
@RequestMapping("/api/articles")
@Tag(name = "Articles")
class ArticleController {

	/** Published articles may be kept by any cache for a minute, then revalidated with their ETag. */
	private static final CacheControl PUBLIC = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();

	/** Anything else is for its author and admins only: never stored by a shared cache. */
	private static final CacheControl PRIVATE = CacheControl.noCache().cachePrivate();

	private final ArticleService articles;

	ArticleController(ArticleService articles) {
		this.articles = articles;
	}

	@Operation(summary = "A page of article summaries, newest first (ranked by relevance with q)", description = """
			Roles: anyone. Anonymous callers and clients see PUBLISHED articles only; `status` filters a \
			therapist's own articles, or all for an admin. `q` is full-text search; hits carry a `snippet`.""")
	@GetMapping
	ResponseEntity<PageResponse<ArticleSummaryResponse>> list(@RequestParam(required = false) @Size(max = 200) String q,
			@RequestParam(required = false) String topic, @RequestParam(required = false) ArticleStatus status,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, @Parameter(hidden = true) Optional<CurrentUser> user) {
		PageResponse<ArticleSummaryResponse> body = this.articles.list(status, topic, q, page, size, user);
		// the public list only: a therapist's status filter answers their own articles, which a shared cache must
		// not hand to others
		boolean publicList = status == null || (status == ArticleStatus.PUBLISHED && user.isEmpty());
		return ResponseEntity.ok().cacheControl(publicList ? PUBLIC : PRIVATE).body(body);
	}

	@Operation(summary = "One article by its slug", description = """
			Roles: anyone for a published article; its author and admins otherwise (404 for anyone else). \
			Answers an `ETag`; `If-None-Match` with it answers 304. An old slug answers 301 to the current one.""")
	@ApiResponse(responseCode = "200", description = "The article",
			headers = @Header(name = "ETag", description = "The article's version"), useReturnTypeSchema = true)
	@ApiResponse(responseCode = "301", description = "The article has a new slug; Location names it")
	@ApiResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
	@GetMapping("/{slug}")
	ResponseEntity<ArticleResponse> article(@PathVariable String slug, @Parameter(hidden = true) Optional<CurrentUser> user) {
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

	@Operation(summary = "Create a DRAFT", description = """
			Roles: therapist, admin. The slug is made from the title unless one is given.""",
			security = @SecurityRequirement(name = ServiceOpenApi.BEARER))
	@ApiResponse(responseCode = "201", description = "The new draft; Location names it", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "409", description = "The slug given is taken")
	@PostMapping
	ResponseEntity<ArticleResponse> create(@Valid @RequestBody ArticleRequest request, CurrentUser user) {
		ArticleResponse article = this.articles.create(request, user);
		return ResponseEntity.created(URI.create("/api/articles/" + article.slug()))
			.eTag(ArticleETags.of(article))
			.body(article);
	}

	@Operation(summary = "Replace an article's title, summary, body, topics, slug and call to action",
			description = "Roles: its author (therapist), admin. `If-Match` is honoured.",
			security = @SecurityRequirement(name = ServiceOpenApi.BEARER))
	@ApiResponse(responseCode = "200", description = "The article as it now is", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "409", description = "The slug given is taken")
	@ApiResponse(responseCode = "412", description = "If-Match does not match the current ETag")
	@PutMapping("/{id}")
	ResponseEntity<ArticleResponse> update(@PathVariable UUID id, @Valid @RequestBody ArticleRequest request,
			@Parameter(description = "The ETag the change is based on") @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) String ifMatch,
			CurrentUser user) {
		return answer(this.articles.update(id, request, ifMatch, user));
	}

	@Operation(summary = "Publish now, or schedule for publishAt", description = """
			Roles: admin. Without `publishAt` the article is PUBLISHED now; with a future one it is SCHEDULED and \
			published automatically at that time.""", security = @SecurityRequirement(name = ServiceOpenApi.BEARER))
	@ApiResponse(responseCode = "200", description = "The article as it now is", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "409", description = "The article's state does not allow it")
	@PostMapping("/{id}/publish")
	ResponseEntity<ArticleResponse> publish(@PathVariable UUID id,
			@Valid @RequestBody(required = false) PublishRequest request, CurrentUser user) {
		return answer(this.articles.publish(id, (request != null) ? request.publishAt() : null, user));
	}

	@Operation(summary = "Archive: out of public lists, 404 to the public",
			description = "Roles: admin.", security = @SecurityRequirement(name = ServiceOpenApi.BEARER))
	@ApiResponse(responseCode = "200", description = "The article as it now is", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "409", description = "The article's state does not allow it")
	@PostMapping("/{id}/archive")
	ResponseEntity<ArticleResponse> archive(@PathVariable UUID id, CurrentUser user) {
		return answer(this.articles.archive(id, user));
	}

	@Operation(summary = "Delete an article", description = "Roles: admin.",
			security = @SecurityRequirement(name = ServiceOpenApi.BEARER))
	@ApiResponse(responseCode = "204", description = "Deleted")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id, CurrentUser user) {
		this.articles.delete(id, user);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "A page of an article's previous states, newest first", description = """
			Roles: its author (therapist), admin. Not in API.md's table: an addition for editors.""",
			security = @SecurityRequirement(name = ServiceOpenApi.BEARER))
	@GetMapping("/{id}/revisions")
	ResponseEntity<PageResponse<RevisionResponse>> revisions(@PathVariable UUID id,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, CurrentUser user) {
		return ResponseEntity.ok().cacheControl(PRIVATE).body(this.articles.revisions(id, page, size, user));
	}

	@Operation(summary = "Restore a previous state as the article's content", description = """
			Roles: its author (therapist), admin. `If-Match` is honoured. Not in API.md's table: an addition for \
			editors.""", security = @SecurityRequirement(name = ServiceOpenApi.BEARER))
	@ApiResponse(responseCode = "200", description = "The article as it now is", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "409", description = "The restored slug is taken by another article")
	@ApiResponse(responseCode = "412", description = "If-Match does not match the current ETag")
	@PostMapping("/{id}/revisions/{number}/restore")
	ResponseEntity<ArticleResponse> restore(@PathVariable UUID id, @PathVariable int number,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, CurrentUser user) {
		return answer(this.articles.restore(id, number, ifMatch, user));
	}

	private static ResponseEntity<ArticleResponse> answer(ArticleResponse article) {
		return ResponseEntity.ok().eTag(ArticleETags.of(article)).body(article);
	}

}
