package org.mutuality.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.mutuality.platform.test.infra.support.Directories;

/**
 * What the dev stack keeps between runs ({@code .mutuality/} by default): PostgreSQL's cluster, the Kafka log,
 * Keycloak's unpacked distribution, the generated secrets, and one log per process.
 */
final class StateDirectory {

	private static final String SECRETS_FILE = "secrets.properties";

	private static final String STACK_FILE = "stack.properties";

	private static final String GATEWAY_URL = "gateway.url";

	private final Path root;

	private FileLock lock;

	StateDirectory(Path root) {
		this.root = root;
	}

	Path root() {
		return this.root;
	}

	Path postgres() {
		return this.root.resolve("postgres");
	}

	Path kafka() {
		return this.root.resolve("kafka");
	}

	Path keycloak() {
		return this.root.resolve("keycloak");
	}

	Path logs() {
		return this.root.resolve("logs");
	}

	Path log(String name) {
		return logs().resolve(name + ".log");
	}

	Path secretsFile() {
		return this.root.resolve(SECRETS_FILE);
	}

	Path temporary() {
		return this.root.resolve("tmp");
	}

	/**
	 * A copy of an application's jar to run from, so that rebuilding the module while the stack runs does not pull
	 * classes out from under the running JVM (the build rewrites the jar in place). The copy replaces the previous
	 * one by renaming, which leaves any JVM still reading that one undisturbed.
	 */
	Path runnableCopy(Path jar) {
		Path directory = this.root.resolve("run");
		Path copy = directory.resolve(jar.getFileName());
		Path partial = directory.resolve(jar.getFileName() + ".part");
		try {
			Files.createDirectories(directory);
			Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
			Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return copy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not copy " + jar + " to " + directory, ex);
		}
	}

	/** Notes the stack's processes, so that a later start can name them if this launcher is killed outright. */
	void recordProcesses(Map<ProcessHandle, String> processes) {
		StringBuilder lines = new StringBuilder();
		processes.forEach((process, name) -> lines.append(process.pid())
			.append(' ')
			.append(startMillis(process))
			.append(' ')
			.append(name)
			.append('\n'));
		try {
			Files.writeString(processesFile(), lines);
		}
		catch (IOException ex) {
			// only a convenience
		}
	}

	/**
	 * Processes noted by an earlier launcher that still run (the same process: same id and start time), as
	 * {@code "<pid> (<name>)"}: what that launcher left behind if it was killed outright.
	 */
	List<String> leftoverProcesses() {
		if (!Files.isRegularFile(processesFile())) {
			return List.of();
		}
		try (var lines = Files.lines(processesFile())) {
			return lines.map((line) -> line.split(" ", 3))
				.filter((fields) -> fields.length == 3 && fields[0].matches("\\d+"))
				.filter((fields) -> ProcessHandle.of(Long.parseLong(fields[0]))
					.filter(ProcessHandle::isAlive)
					.map((process) -> String.valueOf(startMillis(process)).equals(fields[1]))
					.orElse(false))
				.map((fields) -> fields[0] + " (" + fields[2] + ")")
				.toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	private static long startMillis(ProcessHandle process) {
		return process.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(-1L);
	}

	void forgetProcesses() {
		try {
			Files.deleteIfExists(processesFile());
		}
		catch (IOException ex) {
			// only a convenience
		}
	}

	/** The postmaster's process id, from its pid file, if PostgreSQL runs. */
	Long postmasterPid() {
		try {
			List<String> lines = Files.readAllLines(postgres().resolve("postmaster.pid"));
			return lines.isEmpty() ? null : Long.valueOf(lines.get(0).trim());
		}
		catch (IOException | NumberFormatException ex) {
			return null;
		}
	}

	private Path processesFile() {
		return this.root.resolve("processes");
	}

	/** Whether the stack ran here before (it has a database cluster). */
	boolean hasData() {
		return Files.isDirectory(postgres());
	}

	/**
	 * The gateway's address this directory's Keycloak realm was imported with (its login redirect addresses), as
	 * {@link #recordGatewayUrl} noted it on the directory's first start; empty for a directory from before it did.
	 */
	Optional<String> recordedGatewayUrl() {
		try {
			return Optional.ofNullable(load(stackFile()).getProperty(GATEWAY_URL)).filter((url) -> !url.isBlank());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + stackFile(), ex);
		}
	}

	/** Notes the gateway's address a fresh directory's realm is imported with (a realm is imported only once). */
	void recordGatewayUrl(String url) {
		Properties properties = new Properties();
		properties.setProperty(GATEWAY_URL, url);
		try (Writer writer = Files.newBufferedWriter(stackFile())) {
			properties.store(writer, "Written by ./mutuality up on this directory's first start; --reset forgets it");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + stackFile(), ex);
		}
	}

	private Path stackFile() {
		return this.root.resolve(STACK_FILE);
	}

	/** The properties in the file; none if there is no file. */
	private static Properties load(Path file) throws IOException {
		Properties properties = new Properties();
		if (Files.isRegularFile(file)) {
			try (Reader reader = Files.newBufferedReader(file)) {
				properties.load(reader);
			}
		}
		return properties;
	}

	/**
	 * Creates the directory and makes sure no other launcher uses it.
	 * @return false if another {@code ./mutuality up} holds it
	 */
	boolean lock() {
		try {
			Files.createDirectories(this.root);
			FileChannel channel = FileChannel.open(this.root.resolve("launcher.lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
			try {
				this.lock = channel.tryLock();
			}
			catch (OverlappingFileLockException ex) {
				this.lock = null;
			}
			if (this.lock == null) {
				channel.close();
				return false;
			}
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not use " + this.root, ex);
		}
	}

	/**
	 * Deletes everything kept: data, secrets, logs. Keycloak's unpacked and built distribution stays (its data is in
	 * PostgreSQL); unpacking and building it again would add a minute to the next start.
	 */
	void reset() {
		for (Path path : List.of(postgres(), kafka(), keycloak().resolve("data"), logs(), temporary())) {
			Directories.deleteRecursively(path);
		}
		try {
			Files.deleteIfExists(stackFile());
			Files.deleteIfExists(secretsFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts each process's log afresh, keeping the previous run's as {@code <name>.log.1}. */
	void rotateLogs() {
		try {
			Files.createDirectories(logs());
			Files.createDirectories(temporary());
			try (var logs = Files.list(logs())) {
				for (Path log : logs.filter((path) -> path.toString().endsWith(".log")).toList()) {
					Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The secrets of this stack, generated on its first start and read from the state directory afterwards. */
	Secrets secrets() {
		Path file = secretsFile();
		Properties properties;
		try {
			properties = load(file);
			boolean changed = false;
			for (String key : List.of(Secrets.GATEWAY_CLIENT_SECRET, Secrets.KEYCLOAK_ADMIN_PASSWORD)) {
				if (properties.getProperty(key, "").isBlank()) {
					properties.setProperty(key, randomSecret());
					changed = true;
				}
			}
			if (changed) {
				Files.createDirectories(this.root);
				Files.deleteIfExists(file);
				try {
					Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
				}
				catch (UnsupportedOperationException ex) {
					Files.createFile(file);
				}
				try (Writer writer = Files.newBufferedWriter(file)) {
					properties.store(writer, "Generated by ./mutuality up for this dev stack. Delete with --reset.");
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or write " + file, ex);
		}
		return new Secrets(properties.getProperty(Secrets.GATEWAY_CLIENT_SECRET),
				properties.getProperty(Secrets.KEYCLOAK_ADMIN_PASSWORD));
	}

	private static String randomSecret() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * The generated secrets of one dev stack.
	 *
	 * @param gatewayClientSecret the gateway client's secret, given to Keycloak at realm import and to the gateway
	 * @param keycloakAdminPassword the password of Keycloak's bootstrap admin {@code admin}
	 */
	record Secrets(String gatewayClientSecret, String keycloakAdminPassword) {

		static final String GATEWAY_CLIENT_SECRET = "gateway.client-secret";

		static final String KEYCLOAK_ADMIN_PASSWORD = "keycloak.admin-password";

		@Override
		public String toString() {
			return "Secrets[...]";
		}

	}

}
