package org.mutuality.platform.test.infra.keycloak;

import java.util.UUID;

import org.mutuality.platform.test.infra.support.DockerEngine;
import org.mutuality.platform.test.security.DemoAccount;

/**
 * A running Keycloak with the {@code mutuality} realm imported: the issuer for resource servers, and access tokens for
 * the realm's users through the development client {@code mutuality-cli} (password grant).
 *
 * <pre>{@code
 * String token = keycloak.passwordToken(DemoAccount.THERAPIST1);   // "Authorization: Bearer " + token
 * }</pre>
 */
public interface KeycloakServer extends AutoCloseable {

	/** The realm name. */
	String REALM = "mutuality";

	/** The public client with direct access grants, for scripts and tests. */
	String CLI_CLIENT_ID = "mutuality-cli";

	/** The confidential client of the gateway's browser login. */
	String GATEWAY_CLIENT_ID = "mutuality-gateway";

	/** The class path location of the realm file ({@code deploy/keycloak/realm-mutuality.json}). */
	String REALM_RESOURCE = "keycloak/realm-mutuality.json";

	/** The environment variable the realm file takes the gateway client's secret from. */
	String GATEWAY_CLIENT_SECRET_VARIABLE = "MUTUALITY_GATEWAY_CLIENT_SECRET";

	/** The environment variable the realm file takes the gateway's base URL from (redirect URIs, web origins). */
	String GATEWAY_URL_VARIABLE = "MUTUALITY_GATEWAY_URL";

	/** Where Keycloak answers, e.g. {@code http://localhost:8180}. */
	String baseUrl();

	/** The realm's issuer, {@code <baseUrl>/realms/mutuality}: the {@code iss} of its tokens. */
	default String issuerUri() {
		return baseUrl() + "/realms/" + REALM;
	}

	/** The realm's token endpoint. */
	default String tokenUri() {
		return issuerUri() + "/protocol/openid-connect/token";
	}

	/** The secret the gateway client was given at import. */
	String gatewayClientSecret();

	/** An access token for a user whose password is the username, such as a {@link DemoAccount}. */
	default String passwordToken(String username) {
		return passwordToken(username, username);
	}

	/** An access token for a demo account. */
	default String passwordToken(DemoAccount account) {
		return passwordToken(account.username(), account.password());
	}

	/** An access token from the password grant of {@code mutuality-cli}; fails if Keycloak refuses. */
	default String passwordToken(String username, String password) {
		return Tokens.passwordGrant(tokenUri(), CLI_CLIENT_ID, username, password);
	}

	/** Stops Keycloak and releases what it holds. */
	@Override
	void close();

	/**
	 * Keycloak for tests in this JVM: the official container image when a Docker engine is available, otherwise the
	 * official distribution from the local Maven repository, unpacked into a temporary directory and run on a free
	 * port with an in-memory database. The gateway client gets a random secret.
	 */
	static KeycloakServer startForTests() {
		String secret = UUID.randomUUID().toString();
		if (DockerEngine.isAvailable()) {
			return ContainerKeycloakServer.start(secret);
		}
		return KeycloakProcess.builder()
			.distribution(KeycloakDistribution.fromLocalRepository())
			.database(KeycloakDatabase.devMem())
			.realmImportFromClasspath()
			.gatewayClientSecret(secret)
			.build()
			.start();
	}

}
