package org.mutuality.content.feed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Atom feed and the sitemap of published articles, open to anyone, each with an ETag of its content.
 */
@RestController
@Tag(name = "Feed")
class FeedController {

	static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private static final CacheControl PUBLIC = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

	private final FeedService feeds;

	FeedController(FeedService feeds) {
		this.feeds = feeds;
	}

	@Operation(summary = "Atom feed of the latest published articles", description = "Roles: anyone.")
	@ApiResponse(responseCode = "200", description = "The feed",
			content = @Content(mediaType = "application/atom+xml", schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
	@GetMapping("/api/feed")
	ResponseEntity<String> feed() {
		return document(this.feeds.atomFeed(), ATOM);
	}

	@Operation(summary = "Sitemap of published article pages", description = "Roles: anyone.")
	@ApiResponse(responseCode = "200", description = "The sitemap",
			content = @Content(mediaType = "application/xml", schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
	@GetMapping("/sitemap.xml")
	ResponseEntity<String> sitemap() {
		return document(this.feeds.sitemap(), new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8));
	}

	/** The document with an ETag of its content, so that {@code If-None-Match} is answered 304. */
	private static ResponseEntity<String> document(String body, MediaType type) {
		String etag = "\"" + DigestUtils.md5DigestAsHex(body.getBytes(StandardCharsets.UTF_8)) + "\"";
		return ResponseEntity.ok().contentType(type).cacheControl(PUBLIC).eTag(etag).body(body);
	}

}
