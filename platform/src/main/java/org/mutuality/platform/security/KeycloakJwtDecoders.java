package org.mutuality.platform.security;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.JWTProcessor;

import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.StringUtils;

/**
 * Builds the JWT decoders for Keycloak access tokens from Spring Boot's standard resource-server
 * properties. Keys come from the realm's JWKS ({@code jwk-set-uri}, by default
 * {@code {issuer}/protocol/openid-connect/certs}), fetched on first use, never at start-up, and cached
 * through Nimbus' {@link JWKSourceBuilder} so that an outage of Keycloak shorter than the outage
 * tolerance does not reject valid tokens. Only asymmetric signatures are accepted, and a token must
 * name the issuer and one of the audiences, be within its {@code nbf}..{@code exp} window (with a
 * small clock skew), carry a UUID {@code sub}, and, if it says what it is, be a {@code Bearer} token.
 */
final class KeycloakJwtDecoders {

	/** The audience required when {@code spring.security.oauth2.resourceserver.jwt.audiences} is empty. */
	static final String DEFAULT_AUDIENCE = "mutuality-api";

	/** The asymmetric algorithms Keycloak signs access tokens with (EdDSA would need Tink). */
	static final Set<JWSAlgorithm> KEYCLOAK_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
			JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
			JWSAlgorithm.ES384, JWSAlgorithm.ES512);

	private static final String KEYCLOAK_CERTS_PATH = "/protocol/openid-connect/certs";

	private static final int HTTP_CONNECT_TIMEOUT_MILLIS = 2_000;

	private static final int HTTP_READ_TIMEOUT_MILLIS = 2_000;

	private static final int HTTP_SIZE_LIMIT_BYTES = 256 * 1024;

	private static final Duration MAX_RATE_LIMIT_INTERVAL = Duration.ofSeconds(30);

	private final String issuer;

	private final URL jwkSetUrl;

	private final List<String> audiences;

	private final Set<JWSAlgorithm> algorithms;

	private final KeycloakJwtProperties properties;

	private final List<OAuth2TokenValidator<Jwt>> additionalValidators;

	KeycloakJwtDecoders(String issuer, String jwkSetUri, List<String> audiences, List<String> jwsAlgorithms,
			KeycloakJwtProperties properties, List<OAuth2TokenValidator<Jwt>> additionalValidators) {
		if (!StringUtils.hasText(issuer)) {
			throw new IllegalStateException("spring.security.oauth2.resourceserver.jwt.issuer-uri must be set");
		}
		this.issuer = issuer;
		this.jwkSetUrl = url(StringUtils.hasText(jwkSetUri) ? jwkSetUri : trimTrailingSlash(issuer) + KEYCLOAK_CERTS_PATH);
		this.audiences = (audiences == null || audiences.isEmpty()) ? List.of(DEFAULT_AUDIENCE) : List.copyOf(audiences);
		this.algorithms = algorithms(jwsAlgorithms);
		this.properties = properties;
		this.additionalValidators = List.copyOf(additionalValidators);
	}

	static KeycloakJwtDecoders from(OAuth2ResourceServerProperties.Jwt jwt, KeycloakJwtProperties properties,
			List<OAuth2TokenValidator<Jwt>> additionalValidators) {
		return new KeycloakJwtDecoders(jwt.getIssuerUri(), jwt.getJwkSetUri(), jwt.getAudiences(),
				jwt.getJwsAlgorithms(), properties, additionalValidators);
	}

	/** A decoder for servlet applications; {@link ReactiveKeycloakJwtDecoder} is the reactive one. */
	JwtDecoder jwtDecoder() {
		NimbusJwtDecoder decoder = new NimbusJwtDecoder(jwtProcessor());
		decoder.setJwtValidator(validator());
		return decoder;
	}

	URL jwkSetUrl() {
		return this.jwkSetUrl;
	}

	List<String> audiences() {
		return this.audiences;
	}

	Set<JWSAlgorithm> algorithms() {
		return this.algorithms;
	}

	JWTProcessor<SecurityContext> jwtProcessor() {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(this.algorithms, jwkSource()));
		// claims are checked by Spring Security's validators below, as NimbusJwtDecoder does
		processor.setJWTClaimsSetVerifier((claims, context) -> {
		});
		return processor;
	}

	private JWKSource<SecurityContext> jwkSource() {
		long cacheTtl = this.properties.jwksCacheTtl().toMillis();
		long rateLimit = Math.min(MAX_RATE_LIMIT_INTERVAL.toMillis(), cacheTtl / 2);
		JWKSourceBuilder<SecurityContext> builder = JWKSourceBuilder
			.<SecurityContext>create(this.jwkSetUrl,
					new DefaultResourceRetriever(HTTP_CONNECT_TIMEOUT_MILLIS, HTTP_READ_TIMEOUT_MILLIS,
							HTTP_SIZE_LIMIT_BYTES))
			.cache(cacheTtl, Math.min(JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT, cacheTtl / 2))
			// no refresh-ahead: it needs a background thread per decoder that nothing would shut down,
			// and a refresh every few minutes costs one request a few milliseconds
			.refreshAheadCache(false)
			.retrying(true)
			.rateLimited(rateLimit);
		Duration outageTolerance = this.properties.jwksOutageTolerance();
		if (outageTolerance.isZero() || outageTolerance.isNegative()) {
			builder.outageTolerant(false);
		}
		else {
			builder.outageTolerant(outageTolerance.toMillis());
		}
		JWKSource<SecurityContext> source = builder.build();
		// A token with an unknown key id makes Nimbus fetch the JWKS again, at most twice per rate-limit
		// interval; past that, the token has no key to verify it, which is a bad token, not an outage.
		return (selector, context) -> {
			try {
				return source.get(selector, context);
			}
			catch (RateLimitReachedException ex) {
				return List.of();
			}
		};
	}

	OAuth2TokenValidator<Jwt> validator() {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(new JwtTimestampValidator(this.properties.clockSkew()));
		validators.add(new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull));
		validators.add(new JwtIssuerValidator(this.issuer));
		validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
				(aud) -> aud != null && !Collections.disjoint(aud, this.audiences)));
		validators.add(new JwtClaimValidator<String>(JwtClaimNames.SUB, CurrentUser::isUserId));
		// Keycloak marks its tokens: an ID or refresh token is not an access token
		validators.add(new JwtClaimValidator<Object>("typ", (typ) -> typ == null || "Bearer".equals(typ)));
		validators.addAll(this.additionalValidators);
		return new DelegatingOAuth2TokenValidator<>(validators);
	}

	private static Set<JWSAlgorithm> algorithms(List<String> configured) {
		if (configured == null || configured.isEmpty() || configured.equals(List.of("RS256"))) {
			// Spring Boot's default: widen it to what Keycloak may be configured to sign with
			return KEYCLOAK_ALGORITHMS;
		}
		Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
		for (String name : configured) {
			JWSAlgorithm algorithm = JWSAlgorithm.parse(name);
			if (algorithm.equals(Algorithm.NONE) || !KEYCLOAK_ALGORITHMS.contains(algorithm)) {
				throw new IllegalStateException("spring.security.oauth2.resourceserver.jwt.jws-algorithms: " + name
						+ " is not an asymmetric algorithm that a JWKS can verify; use one of " + KEYCLOAK_ALGORITHMS);
			}
			algorithms.add(algorithm);
		}
		return Set.copyOf(algorithms);
	}

	private static URL url(String uri) {
		try {
			return URI.create(uri).toURL();
		}
		catch (MalformedURLException | IllegalArgumentException ex) {
			throw new IllegalStateException("Not a valid JWK Set URI: " + uri, ex);
		}
	}

	private static String trimTrailingSlash(String uri) {
		return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
	}

}
