package org.mutuality.platform.test.infra.postgres;

import java.sql.Connection;
import java.sql.SQLException;

import org.mutuality.platform.test.infra.support.DockerEngine;

/**
 * A running PostgreSQL server that hands out databases, each with its own owner: one exact database per service in
 * the dev stack ({@link #ensureDatabase(String)}), a fresh one per test context ({@link #createDatabase(String)}).
 */
public interface PostgresServer extends AutoCloseable {

	/** The host name clients use. */
	String host();

	/** The port clients use. */
	int port();

	/** The JDBC URL of a database on this server. */
	default String jdbcUrl(String database) {
		return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
	}

	/** A connection as the server's superuser, to the {@code postgres} database. */
	Connection adminConnection() throws SQLException;

	/**
	 * The database of this name with a login role of the same name that owns it, created if missing. The password is
	 * the name; the embedded server does not ask for it.
	 */
	default Database ensureDatabase(String name) {
		return DatabaseAdministration.ensureDatabase(this, name);
	}

	/** A new, empty database named {@code <prefix>_<n>} with its own owner, never handed out before by this JVM. */
	default Database createDatabase(String namePrefix) {
		return ensureDatabase(DatabaseAdministration.uniqueName(namePrefix));
	}

	/** Stops the server. */
	@Override
	void close();

	/**
	 * PostgreSQL for tests in this JVM: the official container image when a Docker engine is available, otherwise an
	 * embedded server on a free port with its data in a temporary directory deleted when it stops.
	 */
	static PostgresServer startForTests() {
		if (DockerEngine.isAvailable()) {
			return ContainerPostgresServer.start();
		}
		return EmbeddedPostgresServer.builder().build().start();
	}

}
