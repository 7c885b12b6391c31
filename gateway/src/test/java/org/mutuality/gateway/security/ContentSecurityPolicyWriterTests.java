package org.mutuality.gateway.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Article images from other hosts: none by default, the configured origins as {@code img-src}, and nothing that
 * would widen the policy beyond images.
 */
class ContentSecurityPolicyWriterTests {

	private static final String POLICY = "default-src 'self'; object-src 'none'";

	@Test
	void addsNoImageSourcesByDefault() {
		assertThat(ContentSecurityPolicyWriter.withImageSources(POLICY, List.of())).isEqualTo(POLICY);
	}

	@Test
	void allowsImagesFromTheConfiguredOriginsAndTheGatewayItself() {
		assertThat(ContentSecurityPolicyWriter.withImageSources(POLICY + ";",
				List.of("https://images.example.org", "https://*.cdn.example.net:8443")))
			.isEqualTo(POLICY + "; img-src 'self' https://images.example.org https://*.cdn.example.net:8443");
	}

	@Test
	void keepsAPolicysOwnImageSourcesAndRefusesToAddOthersToThem() {
		String policy = POLICY + "; IMG-SRC 'self' data:";
		assertThat(ContentSecurityPolicyWriter.withImageSources(policy, List.of())).isEqualTo(policy);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ContentSecurityPolicyWriter.withImageSources(policy, List.of("https://images.example.org")))
			.withMessageContaining("img-src of its own");
	}

	@Test
	void allowsPlainHttpForTheMachineItselfOnly() {
		assertThat(ContentSecurityPolicyWriter.withImageSources(POLICY, List.of("http://localhost:9000")))
			.endsWith("img-src 'self' http://localhost:9000");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ContentSecurityPolicyWriter.withImageSources(POLICY, List.of("http://images.example.org")));
	}

	@Test
	void refusesWhatIsNotAnOrigin() {
		for (String source : List.of("*", "https:", "'unsafe-inline'", "https://images.example.org; script-src *",
				"https://*.com", "https://*", "http://images.example.org",
				"https://images.example.org/path", "images.example.org", "javascript://x", "https://a b")) {
			assertThatIllegalArgumentException().as(source)
				.isThrownBy(() -> ContentSecurityPolicyWriter.withImageSources(POLICY, List.of(source)))
				.withMessageContaining("image-sources");
		}
	}

}
