package org.mutuality.platform.test.infra;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points the annotated Spring test's application context at the JVM's Keycloak with the {@code mutuality} realm
 * ({@link Infrastructure#keycloak()}). Sets {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} and
 * {@code spring.security.oauth2.client.provider.keycloak.issuer-uri}, plus {@code mutuality.test.keycloak.url} and
 * {@code mutuality.test.keycloak.gateway-client-secret} for tests that configure the gateway's login client, and
 * registers the {@link org.mutuality.platform.test.infra.keycloak.KeycloakServer} as a bean for tokens. The first
 * start in a JVM takes about a minute without Docker.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface KeycloakRealm {

}
