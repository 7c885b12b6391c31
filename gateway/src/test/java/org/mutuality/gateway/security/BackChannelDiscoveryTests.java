package org.mutuality.gateway.security;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The login registration built from a discovery document read at the provider's back channel: browsers go to the
 * public endpoints, the gateway calls the back-channel ones, and ID tokens are checked against the public issuer.
 */
class BackChannelDiscoveryTests {

	private static final String ISSUER = "https://auth.example.org/realms/mutuality";

	private static final String BACK_CHANNEL = "http://keycloak-service:8080/realms/mutuality";

	private static final URI DISCOVERY = URI.create(BACK_CHANNEL + "/.well-known/openid-configuration");

	@Test
	void sendsBrowsersToThePublicEndpointsAndCallsTheBackChannel() {
		ClientRegistration registration = BackChannelDiscovery
			.registrations(properties(), "keycloak", DISCOVERY, metadata(ISSUER))
			.get("keycloak");

		assertThat(registration.getClientId()).isEqualTo("mutuality-gateway");
		assertThat(registration.getScopes()).isEqualTo(Set.of("openid", "profile"));
		assertThat(registration.getRedirectUri()).isEqualTo("{baseUrl}/{action}/oauth2/code/{registrationId}");
		assertThat(registration.getProviderDetails().getIssuerUri()).isEqualTo(ISSUER);
		assertThat(registration.getProviderDetails().getAuthorizationUri())
			.isEqualTo(ISSUER + "/protocol/openid-connect/auth");
		assertThat(registration.getProviderDetails().getTokenUri())
			.isEqualTo(BACK_CHANNEL + "/protocol/openid-connect/token");
		assertThat(registration.getProviderDetails().getUserInfoEndpoint().getUri())
			.isEqualTo(BACK_CHANNEL + "/protocol/openid-connect/userinfo");
		assertThat(registration.getProviderDetails().getUserInfoEndpoint().getUserNameAttributeName()).isEqualTo("sub");
		assertThat(registration.getProviderDetails().getJwkSetUri()).isEqualTo(BACK_CHANNEL + "/protocol/openid-connect/certs");
		// logout sends the browser to the end of the provider's session, at its public address
		assertThat(registration.getProviderDetails().getConfigurationMetadata()).containsEntry("end_session_endpoint",
				ISSUER + "/protocol/openid-connect/logout");
	}

	@Test
	void refusesADocumentOfAnotherIssuer() {
		assertThatIllegalStateException()
			.isThrownBy(() -> BackChannelDiscovery.registrations(properties(), "keycloak", DISCOVERY,
					metadata(BACK_CHANNEL)))
			.withMessageContaining("backchannelDynamic");
	}

	@Test
	void refusesADocumentWhoseBackChannelEndpointsArePublic() {
		// a Keycloak without backchannelDynamic: its public address everywhere
		Map<String, Object> metadata = metadata(ISSUER);
		metadata.put("token_endpoint", ISSUER + "/protocol/openid-connect/token");
		assertThatIllegalStateException()
			.isThrownBy(() -> BackChannelDiscovery.registrations(properties(), "keycloak", DISCOVERY, metadata))
			.withMessageContaining("token_endpoint")
			.withMessageContaining("backchannelDynamic");
	}

	@Test
	void refusesADocumentWithoutAnEndpointTheLoginNeeds() {
		Map<String, Object> metadata = metadata(ISSUER);
		metadata.remove("token_endpoint");
		assertThatIllegalStateException()
			.isThrownBy(() -> BackChannelDiscovery.registrations(properties(), "keycloak", DISCOVERY, metadata))
			.withMessageContaining("token_endpoint");
	}

	private static OAuth2ClientProperties properties() {
		OAuth2ClientProperties properties = new OAuth2ClientProperties();
		OAuth2ClientProperties.Registration registration = new OAuth2ClientProperties.Registration();
		registration.setClientId("mutuality-gateway");
		registration.setClientSecret("secret");
		registration.setAuthorizationGrantType("authorization_code");
		registration.setRedirectUri("{baseUrl}/{action}/oauth2/code/{registrationId}");
		registration.setScope(Set.of("openid", "profile"));
		properties.getRegistration().put("keycloak", registration);
		OAuth2ClientProperties.Provider provider = new OAuth2ClientProperties.Provider();
		provider.setIssuerUri(ISSUER);
		properties.getProvider().put("keycloak", provider);
		return properties;
	}

	/** What Keycloak answers at its back channel with hostname {@code ISSUER}'s host and backchannelDynamic. */
	private static Map<String, Object> metadata(String issuer) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("issuer", issuer);
		metadata.put("authorization_endpoint", ISSUER + "/protocol/openid-connect/auth");
		metadata.put("token_endpoint", BACK_CHANNEL + "/protocol/openid-connect/token");
		metadata.put("userinfo_endpoint", BACK_CHANNEL + "/protocol/openid-connect/userinfo");
		metadata.put("jwks_uri", BACK_CHANNEL + "/protocol/openid-connect/certs");
		metadata.put("end_session_endpoint", ISSUER + "/protocol/openid-connect/logout");
		metadata.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
		return metadata;
	}

}
