package org.mutuality.gateway.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The edge's browser-facing settings.
 *
 * @param secureCookies whether the session and CSRF cookies carry {@code Secure}; browsers accept
 * secure cookies from {@code http://localhost}, so only a plain-HTTP deployment on another host name
 * turns this off
 * @param corsAllowedOrigins the origins (such as {@code https://app.example.org}) whose scripts may
 * call the API cross-origin with credentials; none by default, the web UI is same-origin
 * @param contentSecurityPolicy the {@code Content-Security-Policy} of everything but Swagger UI;
 * {@code {login-origin}} stands for the identity provider's origin (the logout form is redirected
 * there, and Chrome applies {@code form-action} to redirects)
 * @param apiDocsContentSecurityPolicy the policy of Swagger UI's pages, which need inline styles and
 * data: images
 * @param identityProviderTimeout how long the gateway waits for the identity provider's token
 * endpoint (a login's code exchange, a session's token refresh) before answering 503
 * @param imageSources the origins (such as {@code https://images.example.org}, or
 * {@code https://*.example.org}) that article images may come from besides the gateway itself; none by
 * default, so that a reader's browser asks no other site for anything and no third party learns who
 * reads which article. Added to the policy as {@code img-src}; a policy with an {@code img-src} of its
 * own and image sources together stop the gateway at start.
 * @param identityProviderBackChannelDiscoveryUri the login provider's discovery document at an address
 * inside the cluster (such as
 * {@code http://keycloak-service:8080/realms/mutuality/.well-known/openid-configuration}), read instead
 * of the public issuer's, so that the gateway calls the provider only there (see
 * {@code BackChannelDiscovery}); unset, the issuer's own document
 */
@ConfigurationProperties("mutuality.gateway.security")
record EdgeSecurityProperties(@DefaultValue("true") boolean secureCookies, @DefaultValue List<String> corsAllowedOrigins,
		@DefaultValue(DEFAULT_POLICY) String contentSecurityPolicy,
		@DefaultValue(API_DOCS_POLICY) String apiDocsContentSecurityPolicy,
		@DefaultValue("5s") Duration identityProviderTimeout, @DefaultValue List<String> imageSources,
		URI identityProviderBackChannelDiscoveryUri) {

	EdgeSecurityProperties {
		// the key is listed in application.yaml with an empty value: empty means unset
		if (identityProviderBackChannelDiscoveryUri != null
				&& identityProviderBackChannelDiscoveryUri.toString().isBlank()) {
			identityProviderBackChannelDiscoveryUri = null;
		}
	}

	static final String DEFAULT_POLICY = "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'; "
			+ "form-action 'self' {login-origin}";

	static final String API_DOCS_POLICY = "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'; "
			+ "form-action 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'";

}
