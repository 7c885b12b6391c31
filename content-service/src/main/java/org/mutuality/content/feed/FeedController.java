package org.mutuality.content.feed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class FeedController {

	static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private static final CacheControl PUBLIC = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

	private final FeedService feeds;

	FeedController(FeedService feeds) {
		this.feeds = feeds;
	}

	@GetMapping("/api/feed")
	ResponseEntity<String> feed() {
		return document(this.feeds.atomFeed(), ATOM);
	}

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
