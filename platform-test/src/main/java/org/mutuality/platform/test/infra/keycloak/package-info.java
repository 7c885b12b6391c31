/**
 * Keycloak with the project's realm for tests and the dev stack: {@link org.mutuality.platform.test.infra.keycloak.KeycloakProcess}
 * (the official distribution from Maven Central, run as a child process) or the official container image, behind
 * {@link org.mutuality.platform.test.infra.keycloak.KeycloakServer}; the realm's demo accounts are
 * {@link org.mutuality.platform.test.security.DemoAccount}.
 */
package org.mutuality.platform.test.infra.keycloak;
