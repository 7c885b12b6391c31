package org.mutuality.gateway.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/**
 * The login registrations from the identity provider's discovery document read at an address of its back channel
 * (inside the cluster) instead of at its public issuer. Keycloak with a fixed public hostname and
 * {@code backchannelDynamic} answers there with its public issuer and browser-facing endpoints (authorization, end of
 * session) and with back-channel addresses for the endpoints the gateway calls itself (token, user info, keys); the
 * gateway then never needs the public address, which a cluster's network policy or its load balancer may not let a
 * pod reach. The document must name the configured issuer: the ID tokens are checked against it.
 */
final class BackChannelDiscovery {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private BackChannelDiscovery() {
	}

	/** Reads the document and builds the registrations of the properties with its endpoints. */
	static Map<String, ClientRegistration> registrations(OAuth2ClientProperties properties, String registrationId,
			URI discoveryUri, Duration timeout) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(discoveryUri).timeout(timeout).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					"The identity provider's discovery document at " + discoveryUri + " answered " + response.statusCode());
		}
		Map<String, Object> metadata = JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() {
		});
		return registrations(properties, registrationId, discoveryUri, metadata);
	}

	static Map<String, ClientRegistration> registrations(OAuth2ClientProperties properties, String registrationId,
			URI discoveryUri, Map<String, Object> metadata) {
		OAuth2ClientProperties.Provider configured = properties.getProvider().get(registrationId);
		String issuer = (configured != null) ? configured.getIssuerUri() : null;
		if (issuer == null || !issuer.equals(metadata.get("issuer"))) {
			throw new IllegalStateException("The discovery document at " + discoveryUri + " names the issuer "
					+ metadata.get("issuer") + ", not the configured " + issuer
					+ " (Keycloak needs its public hostname and backchannelDynamic)");
		}
		OAuth2ClientProperties.Provider provider = new OAuth2ClientProperties.Provider();
		provider.setAuthorizationUri(endpoint(metadata, "authorization_endpoint", discoveryUri));
		provider.setTokenUri(backChannelEndpoint(metadata, "token_endpoint", discoveryUri));
		provider.setUserInfoUri(backChannelEndpoint(metadata, "userinfo_endpoint", discoveryUri));
		provider.setJwkSetUri(backChannelEndpoint(metadata, "jwks_uri", discoveryUri));
		provider.setUserNameAttribute(IdTokenClaimNames.SUB);
		OAuth2ClientProperties withEndpoints = new OAuth2ClientProperties();
		withEndpoints.getRegistration().putAll(properties.getRegistration());
		withEndpoints.getProvider().putAll(properties.getProvider());
		withEndpoints.getProvider().put(registrationId, provider);
		Map<String, ClientRegistration> registrations = new LinkedHashMap<>(
				new OAuth2ClientPropertiesMapper(withEndpoints).asClientRegistrations());
		// the issuer the ID tokens are checked against, and the rest of the document (the end of session for logout)
		registrations.computeIfPresent(registrationId, (id, registration) -> ClientRegistration
			.withClientRegistration(registration)
			.issuerUri(issuer)
			.providerConfigurationMetadata(metadata)
			.build());
		return registrations;
	}

	/**
	 * An endpoint the gateway calls itself, which must be at the address the document was read at: a Keycloak without
	 * {@code backchannelDynamic} names its public address here, which the gateway is not meant to need (and which
	 * the cluster's network policy does not let it reach).
	 */
	private static String backChannelEndpoint(Map<String, Object> metadata, String name, URI discoveryUri) {
		String endpoint = endpoint(metadata, name, discoveryUri);
		URI uri = URI.create(endpoint);
		if (!Objects.equals(uri.getScheme(), discoveryUri.getScheme())
				|| !Objects.equals(uri.getHost(), discoveryUri.getHost()) || uri.getPort() != discoveryUri.getPort()) {
			throw new IllegalStateException("The discovery document at " + discoveryUri + " names " + endpoint + " as its "
					+ name + ", not an address of its back channel (Keycloak needs backchannelDynamic)");
		}
		return endpoint;
	}

	private static String endpoint(Map<String, Object> metadata, String name, URI discoveryUri) {
		if (!(metadata.get(name) instanceof String endpoint) || endpoint.isBlank()) {
			throw new IllegalStateException("The discovery document at " + discoveryUri + " has no " + name);
		}
		return endpoint;
	}

}
