package org.mutuality.platform.test.infra.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL from the official image, for tests on machines with a Docker engine.
 */
final class ContainerPostgresServer implements PostgresServer {

	static final String IMAGE = "postgres:18";

	private final PostgreSQLContainer container;

	private ContainerPostgresServer(PostgreSQLContainer container) {
		this.container = container;
	}

	static ContainerPostgresServer start() {
		PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
		container.start();
		return new ContainerPostgresServer(container);
	}

	@Override
	public String host() {
		return this.container.getHost();
	}

	@Override
	public int port() {
		return this.container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
	}

	@Override
	public Connection adminConnection() throws SQLException {
		return DriverManager.getConnection(jdbcUrl("postgres"), this.container.getUsername(),
				this.container.getPassword());
	}

	@Override
	public void close() {
		this.container.stop();
	}

	@Override
	public String toString() {
		return "ContainerPostgresServer[" + IMAGE + " at " + host() + ":" + port() + "]";
	}

}
