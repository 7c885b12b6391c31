package org.mutuality.platform.test.infra.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Creating databases and their owners as the superuser, the same way on every {@link PostgresServer}.
 */
final class DatabaseAdministration {

	private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private DatabaseAdministration() {
	}

	static String uniqueName(String prefix) {
		String plain = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
		if (plain.isEmpty() || Character.isDigit(plain.charAt(0))) {
			plain = "db_" + plain;
		}
		if (plain.length() > 50) {
			plain = plain.substring(0, 50);
		}
		return plain + "_" + COUNTER.incrementAndGet();
	}

	static Database ensureDatabase(PostgresServer server, String name) {
		if (!PLAIN_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a plain lower-case PostgreSQL name: '" + name + "'");
		}
		try (Connection connection = server.adminConnection(); Statement statement = connection.createStatement()) {
			if (!exists(connection, "select 1 from pg_roles where rolname = ?", name)) {
				statement.execute("create role " + name + " login password '" + name + "'");
			}
			if (!exists(connection, "select 1 from pg_database where datname = ?", name)) {
				statement.execute("create database " + name + " owner " + name + " encoding 'UTF8'");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Could not create database " + name + " on " + server.host() + ":" + server.port(), ex);
		}
		return new Database(name, name, name, server.jdbcUrl(name));
	}

	private static boolean exists(Connection connection, String sql, String name) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(sql)) {
			query.setString(1, name);
			try (ResultSet rows = query.executeQuery()) {
				return rows.next();
			}
		}
	}

}
