package org.mutuality.platform.test.infra.postgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.mutuality.platform.test.infra.Infrastructure;
import org.mutuality.platform.test.infra.support.Ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EmbeddedPostgresServerIntegrationTests {

	@Test
	void handsOutAFreshDatabaseWithItsOwnOwnerPerRequest() throws SQLException {
		PostgresServer postgres = Infrastructure.postgres();

		Database first = postgres.createDatabase("content");
		Database second = postgres.createDatabase("content");

		assertThat(first.name()).startsWith("content_").isNotEqualTo(second.name());
		assertThat(first.username()).isEqualTo(first.name());
		try (Connection connection = connect(first); Statement statement = connection.createStatement()) {
			statement.execute("create table article (id int primary key, title text)");
			statement.execute("insert into article values (1, 'Hello')");
			assertThat(single(statement, "select current_user")).isEqualTo(first.username());
			assertThat(single(statement, "select count(*) from article")).isEqualTo("1");
			assertThat(single(statement, "select current_setting('server_version_num')")).startsWith("18");
		}
		try (Connection connection = connect(second); Statement statement = connection.createStatement()) {
			assertThat(single(statement,
					"select count(*) from information_schema.tables where table_name = 'article'"))
				.isEqualTo("0");
		}
	}

	@Test
	void ensureDatabaseIsIdempotent() throws SQLException {
		PostgresServer postgres = Infrastructure.postgres();

		Database once = postgres.ensureDatabase("booking_idempotent");
		Database twice = postgres.ensureDatabase("booking_idempotent");

		assertThat(twice).isEqualTo(once);
		assertThat(once.jdbcUrl()).isEqualTo(postgres.jdbcUrl("booking_idempotent"));
		try (Connection connection = connect(once); Statement statement = connection.createStatement()) {
			assertThat(single(statement, "select current_database()")).isEqualTo("booking_idempotent");
		}
	}

	@Test
	void rejectsNamesThatAreNotPlain() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> Infrastructure.postgres().ensureDatabase("robert'); drop table students;--"));
	}

	@Test
	void keepsItsDataBetweenRunsOnAFixedPort(@TempDir Path data) throws SQLException {
		int port = Ports.freePort();
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.builder()
			.port(port)
			.dataDirectory(data)
			.build()
			.start()) {
			Database database = server.ensureDatabase("content");
			try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
				statement.execute("create table kept (value text)");
				statement.execute("insert into kept values ('still here')");
				assertThat(single(statement, "show listen_addresses")).isEqualTo("127.0.0.1");
				assertThat(single(statement, "show fsync")).isEqualTo("on");
			}
		}
		assertThat(Ports.isFree(port)).isTrue();

		try (EmbeddedPostgresServer again = EmbeddedPostgresServer.builder()
			.port(port)
			.dataDirectory(data)
			.build()
			.start()) {
			Database database = again.ensureDatabase("content");
			try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
				assertThat(single(statement, "select value from kept")).isEqualTo("still here");
			}
		}
	}

	private static Connection connect(Database database) throws SQLException {
		return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
	}

	private static String single(Statement statement, String sql) throws SQLException {
		try (ResultSet rows = statement.executeQuery(sql)) {
			assertThat(rows.next()).isTrue();
			return rows.getString(1);
		}
	}

}
