package org.mutuality.platform.security;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Auto-configuration of the Keycloak adapter: the {@link JwtDecoder} (servlet) or
 * {@link ReactiveJwtDecoder} (reactive) for Keycloak access tokens, built from
 * {@code spring.security.oauth2.resourceserver.jwt.*} without contacting the issuer at start-up, and
 * the {@link CurrentUser} handler-method argument. It runs before Spring Boot's resource-server
 * auto-configuration, which then backs off; an application's own decoder bean wins over both.
 */
@AutoConfiguration(before = { OAuth2ResourceServerAutoConfiguration.class,
		ReactiveOAuth2ResourceServerAutoConfiguration.class })
@ConditionalOnClass(JwtDecoder.class)
@EnableConfigurationProperties({ OAuth2ResourceServerProperties.class, KeycloakJwtProperties.class })
public final class MutualitySecurityAutoConfiguration {

	static final String ISSUER_URI_PROPERTY = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

	private static KeycloakJwtDecoders decoders(OAuth2ResourceServerProperties properties,
			KeycloakJwtProperties jwtProperties, ObjectProvider<OAuth2TokenValidator<Jwt>> validators) {
		List<OAuth2TokenValidator<Jwt>> additional = validators.orderedStream().toList();
		return KeycloakJwtDecoders.from(properties.getJwt(), jwtProperties, additional);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(WebMvcConfigurer.class)
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean(JwtDecoder.class)
		@ConditionalOnProperty(ISSUER_URI_PROPERTY)
		JwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties, KeycloakJwtProperties jwtProperties,
				ObjectProvider<OAuth2TokenValidator<Jwt>> validators) {
			return decoders(properties, jwtProperties, validators).jwtDecoder();
		}

		@Bean
		WebMvcConfigurer currentUserWebMvcConfigurer() {
			return new WebMvcConfigurer() {
				@Override
				public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
					resolvers.add(new CurrentUserArgumentResolver());
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass({ Mono.class, WebFluxConfigurer.class })
	static class ReactiveConfiguration {

		@Bean
		@ConditionalOnMissingBean(ReactiveJwtDecoder.class)
		@ConditionalOnProperty(ISSUER_URI_PROPERTY)
		ReactiveJwtDecoder reactiveJwtDecoder(OAuth2ResourceServerProperties properties,
				KeycloakJwtProperties jwtProperties, ObjectProvider<OAuth2TokenValidator<Jwt>> validators) {
			return ReactiveKeycloakJwtDecoder.create(decoders(properties, jwtProperties, validators));
		}

		@Bean
		WebFluxConfigurer currentUserWebFluxConfigurer() {
			return new WebFluxConfigurer() {
				@Override
				public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
					configurer.addCustomResolver(new ReactiveCurrentUserArgumentResolver());
				}
			};
		}

	}

}
