package org.mutuality.gateway.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnToTests {

	@ParameterizedTest
	@ValueSource(strings = { "/", "/book.html", "/article.html?slug=calm#top", "/therapist/follow-ups.html" })
	void acceptsLocalPaths(String path) {
		assertThat(ReturnTo.sanitize(path)).isEqualTo(path);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.example/", "//evil.example/", "/\\\\evil.example", "/\\evil", "javascript:alert(1)",
			"book.html", "", "/a b", "/\r\nLocation: x" })
	void refusesAnythingThatCouldLeaveTheSite(String value) {
		assertThat(ReturnTo.sanitize(value)).isNull();
	}

}
