package org.mutuality.content.topics;

import java.time.Duration;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/topics}, open to anyone.
 */
@RestController
@Tag(name = "Topics")
class TopicController {

	private final Topics topics;

	TopicController(Topics topics) {
		this.topics = topics;
	}

	@Operation(summary = "Topics with their counts of published articles", description = "Roles: anyone.")
	@GetMapping("/api/topics")
	ResponseEntity<List<TopicResponse>> topics() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
			.body(this.topics.withPublishedCounts());
	}

}
