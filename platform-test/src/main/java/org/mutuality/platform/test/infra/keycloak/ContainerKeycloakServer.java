package org.mutuality.platform.test.infra.keycloak;

import dasniko.testcontainers.keycloak.KeycloakContainer;

/**
 * Keycloak from the official image ({@code quay.io/keycloak/keycloak}, the version of the distribution this build
 * uses) with the realm imported, for tests on machines with a Docker engine.
 */
final class ContainerKeycloakServer implements KeycloakServer {

	private final KeycloakContainer container;

	private final String gatewayClientSecret;

	private ContainerKeycloakServer(KeycloakContainer container, String gatewayClientSecret) {
		this.container = container;
		this.gatewayClientSecret = gatewayClientSecret;
	}

	static ContainerKeycloakServer start(String gatewayClientSecret) {
		String version = KeycloakDistribution.buildVersion();
		KeycloakContainer container = new KeycloakContainer("quay.io/keycloak/keycloak:" + version)
			.withRealmImportFile(REALM_RESOURCE)
			.withEnv(GATEWAY_CLIENT_SECRET_VARIABLE, gatewayClientSecret);
		container.start();
		return new ContainerKeycloakServer(container, gatewayClientSecret);
	}

	@Override
	public String baseUrl() {
		String url = this.container.getAuthServerUrl();
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	@Override
	public String gatewayClientSecret() {
		return this.gatewayClientSecret;
	}

	@Override
	public void close() {
		this.container.stop();
	}

	@Override
	public String toString() {
		return "ContainerKeycloakServer[" + this.container.getDockerImageName() + " at " + baseUrl() + "]";
	}

}
