package org.mutuality.platform.test.infra.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.mutuality.platform.test.infra.support.ChildProcesses;
import org.mutuality.platform.test.infra.support.Directories;

/**
 * The official Keycloak server distribution, {@code org.keycloak:keycloak-quarkus-dist:<version>:tar.gz}, as the
 * platform-test build resolved it into the local Maven repository. The system property
 * {@code mutuality.keycloak.distribution} may point at another copy of the archive.
 */
public final class KeycloakDistribution {

	/** System property naming the archive to use instead of the one in the local Maven repository. */
	public static final String ARCHIVE_PROPERTY = "mutuality.keycloak.distribution";

	private static final String COORDINATES = "org.keycloak:keycloak-quarkus-dist:%s:tar.gz";

	private final String version;

	private final Path archive;

	private KeycloakDistribution(String version, Path archive) {
		this.version = version;
		this.archive = archive;
	}

	/**
	 * The distribution this build uses, from the local Maven repository (or {@value #ARCHIVE_PROPERTY}).
	 * @throws IllegalStateException if the archive is not there, saying how to get it
	 */
	public static KeycloakDistribution fromLocalRepository() {
		Properties build = buildProperties();
		String version = build.getProperty("version");
		String override = System.getProperty(ARCHIVE_PROPERTY);
		if (override != null && !override.isBlank()) {
			Path archive = Path.of(override);
			if (!Files.isRegularFile(archive)) {
				throw new IllegalStateException(ARCHIVE_PROPERTY + " names " + archive + ", which is not a file");
			}
			return new KeycloakDistribution(version, archive);
		}
		List<Path> candidates = new ArrayList<>();
		candidates.add(Path.of(build.getProperty("localRepository")));
		candidates.add(Path.of(System.getProperty("user.home"), ".m2", "repository"));
		for (Path repository : candidates) {
			Path archive = repository.resolve(Path.of("org", "keycloak", "keycloak-quarkus-dist", version,
					"keycloak-quarkus-dist-" + version + ".tar.gz"));
			if (Files.isRegularFile(archive)) {
				return new KeycloakDistribution(version, archive);
			}
		}
		throw new IllegalStateException("The Keycloak distribution " + COORDINATES.formatted(version)
				+ " is not in the local Maven repository (looked in " + candidates + "). Build platform-test once "
				+ "(./mvnw -pl platform-test install), which downloads it, or run: ./mvnw dependency:get -Dartifact="
				+ COORDINATES.formatted(version) + " (or set -D" + ARCHIVE_PROPERTY + "=<path to the .tar.gz>).");
	}

	/** The Keycloak version this build uses ({@code keycloak.version} in the root pom). */
	public static String buildVersion() {
		return buildProperties().getProperty("version");
	}

	/** The Keycloak version, e.g. {@code 26.7.3}. */
	public String version() {
		return this.version;
	}

	/** The {@code .tar.gz} archive. */
	public Path archive() {
		return this.archive;
	}

	/**
	 * Unpacks the distribution into {@code home} (its top directory stripped, so {@code home/bin/kc.sh} exists) unless
	 * this version is already there; an older or broken copy is replaced. Uses the system's {@code tar}.
	 */
	public void unpackTo(Path home) {
		if (isUnpackedIn(home)) {
			return;
		}
		try {
			Directories.deleteRecursively(home);
			Files.createDirectories(home);
			Process tar = new ProcessBuilder("tar", "-xzf", this.archive.toString(), "-C", home.toString(),
					"--strip-components=1")
				.redirectErrorStream(true)
				.start();
			String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
				ChildProcesses.stop(tar.toHandle(), java.time.Duration.ZERO);
				throw new IllegalStateException("Could not unpack " + this.archive + " into " + home + ": " + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not unpack " + this.archive + " with tar", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while unpacking Keycloak", ex);
		}
		if (!isUnpackedIn(home)) {
			throw new IllegalStateException(this.archive + " did not unpack to a Keycloak " + this.version + " in " + home);
		}
	}

	private boolean isUnpackedIn(Path home) {
		Path versionFile = home.resolve("version.txt");
		try {
			return Files.isExecutable(home.resolve("bin/kc.sh")) && Files.isRegularFile(versionFile)
					&& Files.readString(versionFile).contains("Version " + this.version);
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public String toString() {
		return "Keycloak " + this.version + " (" + this.archive + ")";
	}

	private static Properties buildProperties() {
		try (InputStream in = KeycloakDistribution.class.getResourceAsStream("keycloak-distribution.properties")) {
			if (in == null) {
				throw new IllegalStateException("keycloak-distribution.properties is missing from platform-test");
			}
			Properties properties = new Properties();
			properties.load(in);
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
