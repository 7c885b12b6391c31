package org.mutuality.content.topics;

import java.time.Duration;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TopicController {

	private final Topics topics;

	TopicController(Topics topics) {
		this.topics = topics;
	}

	@GetMapping("/api/topics")
	ResponseEntity<List<TopicResponse>> topics() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
			.body(this.topics.withPublishedCounts());
	}

}
