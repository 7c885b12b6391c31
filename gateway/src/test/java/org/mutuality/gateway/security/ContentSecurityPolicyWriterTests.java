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
	void keepsAPolicysOwnImageSources() {
		String policy = POLICY + "; img-src 'self' data:";
		assertThat(ContentSecurityPolicyWriter.withImageSources(policy, List.of("https://images.example.org")))
			.isEqualTo(policy);
	}

	@Test
	void refusesWhatIsNotAnOrigin() {
		for (String source : List.of("*", "https:", "'unsafe-inline'", "https://images.example.org; script-src *",
				"https://images.example.org/path", "images.example.org", "javascript://x", "https://a b")) {
			assertThatIllegalArgumentException().as(source)
				.isThrownBy(() -> ContentSecurityPolicyWriter.withImageSources(POLICY, List.of(source)))
				.withMessageContaining("image-sources");
		}
	}

}
