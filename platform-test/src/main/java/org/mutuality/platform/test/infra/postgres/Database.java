package org.mutuality.platform.test.infra.postgres;

/**
 * A PostgreSQL database and the user that owns it, as a Spring Boot application is configured with them
 * ({@code spring.datasource.url}, {@code .username}, {@code .password}).
 *
 * @param name the database name
 * @param username the owner, who may create and migrate the schema
 * @param password the owner's password (ignored by the embedded server, which trusts local connections)
 * @param jdbcUrl the JDBC URL of the database
 */
public record Database(String name, String username, String password, String jdbcUrl) {
}
