package org.mutuality.platform.test.infra.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.mutuality.platform.test.infra.support.ChildProcesses;
import org.mutuality.platform.test.infra.support.Directories;
import org.mutuality.platform.test.infra.support.Ports;

/**
 * Keycloak from the official distribution, run as a child process with {@code bin/kc.sh start-dev} and the
 * {@code mutuality} realm imported. Tests use a temporary home and an in-memory database; the dev stack a home and a
 * PostgreSQL database kept between runs (the realm is imported only while it does not exist yet). Keycloak runs on
 * the JDK that runs this code.
 *
 * <pre>{@code
 * KeycloakProcess keycloak = KeycloakProcess.builder()
 *     .distribution(KeycloakDistribution.fromLocalRepository())
 *     .homeDirectory(dir).port(8180)
 *     .database(KeycloakDatabase.postgres(postgres.ensureDatabase("keycloak")))
 *     .realmImport(Path.of("deploy/keycloak/realm-mutuality.json"))
 *     .gatewayClientSecret(secret).bootstrapAdmin("admin", password)
 *     .build().start();
 * }</pre>
 */
public final class KeycloakProcess implements KeycloakServer {

	private static final String REALM_FILE_NAME = "realm-mutuality.json";

	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private final KeycloakDistribution distribution;

	private final Path home;

	private final boolean temporary;

	private final int port;

	private final KeycloakDatabase database;

	private final Path realmFile;

	private final Map<String, String> environment;

	private final String gatewayClientSecret;

	private final Path logFile;

	private final Duration startupTimeout;

	private Process process;

	private boolean closed;

	private KeycloakProcess(Builder builder) {
		if (builder.distribution == null) {
			throw new IllegalStateException("No Keycloak distribution given");
		}
		this.distribution = builder.distribution;
		this.temporary = builder.home == null;
		this.home = this.temporary ? temporaryDirectory() : builder.home.toAbsolutePath();
		this.port = (builder.port != 0) ? builder.port : Ports.freePort();
		this.database = builder.database;
		this.realmFile = builder.realmFile;
		this.environment = Map.copyOf(builder.environment);
		this.gatewayClientSecret = builder.environment.get(GATEWAY_CLIENT_SECRET_VARIABLE);
		this.logFile = (builder.logFile != null) ? builder.logFile.toAbsolutePath() : this.home.resolve("keycloak.log");
		this.startupTimeout = builder.startupTimeout;
	}

	/** A builder; a distribution is required. */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Unpacks the distribution if needed, puts the realm file where {@code --import-realm} reads it, starts Keycloak
	 * and returns once the realm's OpenID configuration answers.
	 * @return this server
	 * @throws IllegalStateException if Keycloak exits or does not answer in time, with the end of its log
	 */
	public KeycloakProcess start() {
		Process started;
		synchronized (this) {
			if (this.closed) {
				throw new IllegalStateException("Keycloak at " + baseUrl() + " was closed");
			}
			if (this.process != null) {
				return this;
			}
			started = launch();
			this.process = started;
		}
		try {
			awaitRealm(started);
		}
		catch (RuntimeException ex) {
			stop();
			throw ex;
		}
		return this;
	}

	private Process launch() {
		this.distribution.unpackTo(this.home);
		Path importDirectory = this.home.resolve("data/import");
		try {
			Directories.deleteRecursively(importDirectory);
			Files.createDirectories(importDirectory);
			if (this.realmFile != null) {
				Files.copy(this.realmFile, importDirectory.resolve(REALM_FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
			}
			else {
				try (InputStream realm = getClass().getClassLoader().getResourceAsStream(REALM_RESOURCE)) {
					if (realm == null) {
						throw new IllegalStateException(REALM_RESOURCE + " is not on the class path");
					}
					Files.copy(realm, importDirectory.resolve(REALM_FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
				}
			}
			Files.createDirectories(this.logFile.getParent());
			ProcessBuilder builder = new ProcessBuilder(ChildProcesses.inNewSession(command()))
				.directory(this.home.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.logFile.toFile()));
			builder.environment().putAll(environment());
			return builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start Keycloak in " + this.home, ex);
		}
	}

	/** Stops Keycloak (and the JVM its script started), keeping its home; {@link #start()} may start it again. */
	public void stop() {
		Process running;
		synchronized (this) {
			running = this.process;
			this.process = null;
		}
		if (running != null) {
			ChildProcesses.stop(running.toHandle(), STOP_GRACE);
		}
	}

	/** Stops Keycloak for good, also while it is still starting; deletes its home if it was a temporary one. */
	@Override
	public void close() {
		synchronized (this) {
			this.closed = true;
		}
		stop();
		if (this.temporary) {
			Directories.deleteRecursively(this.home);
		}
	}

	/** Whether the Keycloak process is alive. */
	public synchronized boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/** The process (the launcher script, or Keycloak's JVM once the script has handed over to it). */
	public synchronized ProcessHandle processHandle() {
		if (this.process == null) {
			throw new IllegalStateException("Keycloak is not running");
		}
		return this.process.toHandle();
	}

	@Override
	public String baseUrl() {
		return "http://localhost:" + this.port;
	}

	/** The HTTP port. */
	public int port() {
		return this.port;
	}

	@Override
	public String gatewayClientSecret() {
		return this.gatewayClientSecret;
	}

	/** Where Keycloak is unpacked and keeps its files. */
	public Path homeDirectory() {
		return this.home;
	}

	/** Keycloak's console output. */
	public Path logFile() {
		return this.logFile;
	}

	@Override
	public String toString() {
		return "KeycloakProcess[" + baseUrl() + ", " + this.distribution + ", db=" + this.database + ", home="
				+ this.home + "]";
	}

	private List<String> command() {
		List<String> command = new ArrayList<>();
		command.add(this.home.resolve("bin/kc.sh").toString());
		command.add("start-dev");
		command.add("--http-port=" + this.port);
		// a fixed issuer, whatever address a client used to ask for its token; and, as the cluster's Keycloak does
		// (backchannelDynamic), back-channel endpoints at the address a client asked at (127.0.0.1 for localhost)
		command.add("--hostname=" + baseUrl());
		command.add("--hostname-backchannel-dynamic=true");
		command.add("--import-realm");
		return command;
	}

	private Map<String, String> environment() {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("JAVA_HOME", System.getProperty("java.home"));
		environment.putAll(this.database.environment());
		environment.putAll(this.environment);
		return environment;
	}

	private void awaitRealm(Process started) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(issuerUri() + "/.well-known/openid-configuration"))
			.timeout(Duration.ofSeconds(5))
			.build();
		long deadline = System.nanoTime() + this.startupTimeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!started.isAlive()) {
				throw new IllegalStateException("Keycloak exited with status " + started.exitValue()
						+ " while starting. End of " + this.logFile + ":\n" + ChildProcesses.tail(this.logFile, 30));
			}
			try {
				if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for Keycloak", ex);
			}
			try {
				started.waitFor(500, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for Keycloak", ex);
			}
		}
		throw new IllegalStateException("Keycloak did not serve realm " + REALM + " at " + baseUrl() + " within "
				+ this.startupTimeout.toSeconds() + " s. End of " + this.logFile + ":\n"
				+ ChildProcesses.tail(this.logFile, 30));
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("keycloak-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Options of a {@link KeycloakProcess}. */
	public static final class Builder {

		private KeycloakDistribution distribution;

		private Path home;

		private int port;

		private KeycloakDatabase database = KeycloakDatabase.devMem();

		private Path realmFile;

		private final Map<String, String> environment = new LinkedHashMap<>();

		private Path logFile;

		private Duration startupTimeout = Duration.ofMinutes(5);

		private Builder() {
		}

		/** The distribution to run (required). */
		public Builder distribution(KeycloakDistribution distribution) {
			this.distribution = distribution;
			return this;
		}

		/** Unpack into and run from this directory, kept; by default a temporary one deleted on close. */
		public Builder homeDirectory(Path home) {
			this.home = home;
			return this;
		}

		/** The HTTP port; 0 (the default) picks a free one. */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/** Where Keycloak keeps its data; by default in memory. */
		public Builder database(KeycloakDatabase database) {
			this.database = database;
			return this;
		}

		/** Import the realm from this file. */
		public Builder realmImport(Path realmFile) {
			this.realmFile = realmFile;
			return this;
		}

		/** Import the realm from {@value KeycloakServer#REALM_RESOURCE} on the class path (the default). */
		public Builder realmImportFromClasspath() {
			this.realmFile = null;
			return this;
		}

		/** The gateway client's secret, substituted into the realm file at import. */
		public Builder gatewayClientSecret(String secret) {
			return environment(GATEWAY_CLIENT_SECRET_VARIABLE, secret);
		}

		/** The gateway's base URL for the gateway client's redirect URIs; the realm's default is http://localhost:8080. */
		public Builder gatewayUrl(String url) {
			return environment(GATEWAY_URL_VARIABLE, url);
		}

		/** The master realm's first admin, created when the database is new. */
		public Builder bootstrapAdmin(String username, String password) {
			environment("KC_BOOTSTRAP_ADMIN_USERNAME", username);
			return environment("KC_BOOTSTRAP_ADMIN_PASSWORD", password);
		}

		/**
		 * The JVM heap options (Keycloak's {@code JAVA_OPTS_KC_HEAP}); Keycloak's default is
		 * {@code -Xms64m -Xmx512m}.
		 */
		public Builder heap(String options) {
			return environment("JAVA_OPTS_KC_HEAP", options);
		}

		/** An environment variable for Keycloak or its script, such as {@code KC_LOG_LEVEL}. */
		public Builder environment(String name, String value) {
			this.environment.put(name, value);
			return this;
		}

		/** Where Keycloak's output goes; by default {@code keycloak.log} in its home. */
		public Builder logFile(Path logFile) {
			this.logFile = logFile;
			return this;
		}

		/** How long to wait for the realm to answer; 5 minutes by default. */
		public Builder startupTimeout(Duration startupTimeout) {
			this.startupTimeout = startupTimeout;
			return this;
		}

		/** The server, not started yet. */
		public KeycloakProcess build() {
			return new KeycloakProcess(this);
		}

	}

}
