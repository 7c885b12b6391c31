package org.mutuality.platform.security;

import org.junit.jupiter.api.Test;
import org.mutuality.platform.test.security.TestIdentityProvider;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Which beans the Keycloak adapter contributes, next to Spring Boot's own resource-server
 * auto-configuration, in servlet and reactive applications.
 */
class MutualitySecurityAutoConfigurationTests {

	private static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations.of(
			MutualitySecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
			ReactiveOAuth2ResourceServerAutoConfiguration.class);

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(AUTO_CONFIGURATIONS);

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AUTO_CONFIGURATIONS);

	@Test
	void givesAServletApplicationTheKeycloakDecoderInsteadOfSpringBoots() {
		TestIdentityProvider idp = TestIdentityProvider.start();
		try (idp) {
			this.servlet.withPropertyValues("spring.security.oauth2.resourceserver.jwt.issuer-uri=" + idp.issuerUri())
				.run((context) -> {
					assertThat(context).hasSingleBean(JwtDecoder.class);
					assertThat(context.getBean(JwtDecoder.class)).isInstanceOf(NimbusJwtDecoder.class);
					assertThat(context).hasBean("currentUserWebMvcConfigurer");
				});
			assertThat(idp.jwksRequests()).as("JWKS fetched at start-up").isZero();
		}
	}

	@Test
	void givesAReactiveApplicationAReactiveDecoder() {
		this.reactive.withPropertyValues("spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:1/realms/mutuality")
			.run((context) -> {
				assertThat(context).hasSingleBean(ReactiveJwtDecoder.class);
				assertThat(context.getBean(ReactiveJwtDecoder.class)).isInstanceOf(NimbusReactiveJwtDecoder.class);
				assertThat(context).hasSingleBean(WebFluxConfigurer.class);
				assertThat(context).doesNotHaveBean(WebMvcConfigurer.class);
			});
	}

	@Test
	void startsWhileTheIssuerIsUnreachable() {
		this.servlet.withPropertyValues("spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:1/realms/mutuality")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(JwtDecoder.class));
	}

	@Test
	void backsOffFromAnApplicationsOwnDecoder() {
		JwtDecoder own = mock(JwtDecoder.class);
		this.servlet.withPropertyValues("spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:1/realms/mutuality")
			.withBean(JwtDecoder.class, () -> own)
			.run((context) -> assertThat(context.getBean(JwtDecoder.class)).isSameAs(own));
	}

	@Test
	void contributesNoDecoderWithoutAnIssuer() {
		this.servlet.run((context) -> assertThat(context).doesNotHaveBean(JwtDecoder.class));
	}

	@Test
	void failsToStartWithASymmetricAlgorithm() {
		this.servlet
			.withPropertyValues("spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:1/realms/mutuality",
					"spring.security.oauth2.resourceserver.jwt.jws-algorithms=HS256")
			.run((context) -> assertThat(context).hasFailed());
	}

}
