/**
 * Real infrastructure for integration tests, asked for in one way: annotate a Spring test class with
 * {@link org.mutuality.platform.test.infra.PostgresDatabase @PostgresDatabase},
 * {@link org.mutuality.platform.test.infra.KafkaBroker @KafkaBroker} or
 * {@link org.mutuality.platform.test.infra.KeycloakRealm @KeycloakRealm} and its context gets the Spring Boot
 * properties that point at them; other tests call {@link org.mutuality.platform.test.infra.Infrastructure}.
 *
 * <p>Each backend is the official container image when a Docker engine is available, otherwise an embedded one:
 * zonky's PostgreSQL binaries, the Apache Kafka broker inside the JVM, the official Keycloak distribution as a child
 * process. One of each is started lazily per JVM and stopped when the JVM exits, after the Spring test contexts that
 * used it have closed. The embedded classes ({@code EmbeddedPostgresServer}, {@code InJvmKafkaBroker},
 * {@code KeycloakProcess}) also run the dev stack, on fixed ports with data kept between runs.
 *
 * <pre>{@code
 * @SpringBootTest
 * @PostgresDatabase("content")   // spring.datasource.url/username/password of a fresh database
 * @KafkaBroker                   // spring.kafka.bootstrap-servers
 * @KeycloakRealm                 // spring.security.oauth2.resourceserver.jwt.issuer-uri
 * class ArticleIntegrationTests {
 *
 *     @Autowired KeycloakServer keycloak;   // also: KafkaServer, Database
 *
 *     @Test
 *     void therapistCreatesDraft() {
 *         String token = keycloak.passwordToken(DemoAccount.THERAPIST1);
 *         ...
 *     }
 * }
 * }</pre>
 */
package org.mutuality.platform.test.infra;
