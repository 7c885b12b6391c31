package org.mutuality.platform.test.infra.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.mutuality.platform.test.infra.support.Directories;
import org.mutuality.platform.test.infra.support.Ports;

/**
 * A real PostgreSQL server from zonky's binaries (Maven Central), run as a child process: for tests on a free port
 * with throw-away data, for the dev stack on a fixed port with a data directory kept between runs. It listens on
 * 127.0.0.1 only and trusts local connections, so no password is needed or stored anywhere.
 *
 * <pre>{@code
 * PostgresServer postgres = EmbeddedPostgresServer.builder().port(15432).dataDirectory(dir).build().start();
 * Database content = postgres.ensureDatabase("content");
 * }</pre>
 */
public final class EmbeddedPostgresServer implements PostgresServer {

	private static final String HBA = """
			# Written by EmbeddedPostgresServer at every start: a local development server, no passwords.
			# TYPE  DATABASE  USER  ADDRESS       METHOD
			local   all       all                 trust
			host    all       all   127.0.0.1/32  trust
			""";

	private final int port;

	private final Path dataDirectory;

	private final boolean temporary;

	private final boolean durable;

	private final Path logFile;

	private EmbeddedPostgres postgres;

	private boolean closed;

	private EmbeddedPostgresServer(Builder builder) {
		this.port = (builder.port != 0) ? builder.port : Ports.freePort();
		this.temporary = builder.dataDirectory == null;
		this.dataDirectory = this.temporary ? temporaryDirectory() : builder.dataDirectory.toAbsolutePath();
		this.durable = (builder.durable != null) ? builder.durable : !this.temporary;
		this.logFile = builder.logFile;
	}

	/** A builder; without options: a free port and a temporary data directory. */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Starts the server, running {@code initdb} first if the data directory holds no cluster yet.
	 * @return this server
	 */
	public synchronized EmbeddedPostgresServer start() {
		if (this.closed) {
			throw new IllegalStateException(this + " was closed");
		}
		if (this.postgres != null) {
			return this;
		}
		try {
			Files.createDirectories(this.dataDirectory);
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setPort(this.port)
				.setDataDirectory(this.dataDirectory)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setServerConfig("unix_socket_directories", "''")
				.setServerConfig("fsync", this.durable ? "on" : "off")
				.setDataDirectoryCustomizer((directory) -> writeHba(directory.toPath()));
			if (this.logFile != null) {
				Files.createDirectories(this.logFile.toAbsolutePath().getParent());
				builder.setOutputRedirector(ProcessBuilder.Redirect.appendTo(this.logFile.toFile()))
					.setErrorRedirector(ProcessBuilder.Redirect.appendTo(this.logFile.toFile()));
			}
			this.postgres = builder.start();
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PostgreSQL did not start on port " + this.port + " with data in "
					+ this.dataDirectory + ((this.logFile != null) ? " (log: " + this.logFile + ")" : ""), ex);
		}
	}

	@Override
	public String host() {
		return "localhost";
	}

	@Override
	public int port() {
		return this.port;
	}

	/** Where the cluster's files are. */
	public Path dataDirectory() {
		return this.dataDirectory;
	}

	@Override
	public Connection adminConnection() throws SQLException {
		EmbeddedPostgres running = this.postgres;
		if (running == null) {
			throw new IllegalStateException("PostgreSQL on port " + this.port + " is not running");
		}
		return running.getPostgresDatabase().getConnection();
	}

	/** Stops the server (fast shutdown) for good; deletes the data directory if it was a temporary one. */
	@Override
	public synchronized void close() {
		this.closed = true;
		if (this.postgres == null) {
			return;
		}
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.postgres = null;
			if (this.temporary) {
				Directories.deleteRecursively(this.dataDirectory);
			}
		}
	}

	@Override
	public String toString() {
		return "EmbeddedPostgresServer[port=" + this.port + ", data=" + this.dataDirectory + "]";
	}

	private static void writeHba(Path dataDirectory) {
		try {
			Files.writeString(dataDirectory.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("embedded-postgres-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Options of an {@link EmbeddedPostgresServer}. */
	public static final class Builder {

		private int port;

		private Path dataDirectory;

		private Boolean durable;

		private Path logFile;

		private Builder() {
		}

		/** The port to listen on; 0 (the default) picks a free one. */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/** Keep the cluster in this directory between runs; by default a temporary directory deleted on close. */
		public Builder dataDirectory(Path dataDirectory) {
			this.dataDirectory = dataDirectory;
			return this;
		}

		/** Whether to fsync; by default on for a kept data directory and off for a temporary one. */
		public Builder durable(boolean durable) {
			this.durable = durable;
			return this;
		}

		/** Append the server's output to this file instead of logging it through SLF4J. */
		public Builder logFile(Path logFile) {
			this.logFile = logFile;
			return this;
		}

		/** The server, not started yet. */
		public EmbeddedPostgresServer build() {
			return new EmbeddedPostgresServer(this);
		}

	}

}
