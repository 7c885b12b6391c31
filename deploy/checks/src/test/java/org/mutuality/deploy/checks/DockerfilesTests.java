package org.mutuality.deploy.checks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mutuality.deploy.checks.Repository.APPLICATIONS;

/**
 * Each application's Dockerfile copies the jar that {@code ./mvnw package} builds, extracts exactly the
 * layers that jar declares, exposes the port the application listens on, runs as a numeric non-root user
 * and starts java in exec form (so that java receives SIGTERM and shuts down gracefully); its
 * .dockerignore lets that jar, and nothing else, into the build context.
 */
class DockerfilesTests {

	private static final Map<String, Integer> PORTS = Map.of("gateway", 8080, "content-service", 8081,
			"assessment-service", 8082, "booking-service", 8083);

	@Test
	void dockerfilesCopyTheJarsTheBuildProducesAndExtractTheirLayers() throws IOException {
		for (String application : APPLICATIONS) {
			String dockerfile = Repository.read(Repository.path(application + "/Dockerfile"));
			String jar = "target/" + application + ".jar";
			Matcher copy = Pattern.compile("(?m)^COPY\\s+(\\S+\\.jar)\\s").matcher(dockerfile);
			List<String> copied = new ArrayList<>();
			while (copy.find()) {
				copied.add(copy.group(1));
			}
			assertThat(copied).as(application + "/Dockerfile copies the jar the build produces").containsExactly(jar);
			assertThat(ApplicationConfiguration.jar(application))
				.as(jar + " (build it: ./mvnw -DskipTests package)")
				.isRegularFile();
			assertThat(dockerfile).as(application + "/Dockerfile extracts the layers with Spring Boot's jar mode")
				.contains("-Djarmode=tools -jar application.jar extract --layers --launcher");
			List<String> layers = layers(application);
			List<String> copiedLayers = new ArrayList<>();
			Matcher layer = Pattern.compile("(?m)^COPY --from=\\S+ \\S+/layers/([^/\\s]+)/ ").matcher(dockerfile);
			while (layer.find()) {
				copiedLayers.add(layer.group(1));
			}
			assertThat(copiedLayers).as(application + "/Dockerfile copies the jar's layers (BOOT-INF/layers.idx), in order")
				.containsExactlyElementsOf(layers);
			assertThat(dockerfile).contains("ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
		}
	}

	@Test
	void imagesRunAsANonRootUserAndExposeTheApplicationsPort() {
		for (String application : APPLICATIONS) {
			String dockerfile = Repository.read(Repository.path(application + "/Dockerfile"));
			Matcher user = Pattern.compile("(?m)^USER\\s+(\\d+)(:\\d+)?\\s*$").matcher(dockerfile);
			assertThat(user.find()).as(application + "/Dockerfile: a numeric USER (runAsNonRoot can verify it)").isTrue();
			assertThat(Integer.parseInt(user.group(1))).as(application + ": not root").isPositive();
			assertThat(dockerfile).as(application + "/Dockerfile").contains("EXPOSE " + PORTS.get(application));
			assertThat(ApplicationConfiguration.of(application).reads("SERVER_PORT")).isTrue();
			assertThat(dockerfile).as(application + ": heap sized from the container's memory limit")
				.contains("-XX:MaxRAMPercentage=");
			Matcher from = Pattern.compile("(?m)^FROM\\s+eclipse-temurin:(\\d+)-jre").matcher(dockerfile);
			assertThat(from.find()).as(application + "/Dockerfile: an official Eclipse Temurin JRE").isTrue();
			assertThat(Integer.parseInt(from.group(1))).as("a runtime for the Java 17 bytecode").isGreaterThanOrEqualTo(17);
		}
	}

	@Test
	void dockerignoreLetsOnlyTheJarIn() {
		for (String application : APPLICATIONS) {
			List<String> rules = Repository.read(Repository.path(application + "/.dockerignore"))
				.lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.toList();
			assertThat(rules).as(application + "/.dockerignore").containsExactly("*", "!target/" + application + ".jar");
		}
	}

	/** The layer names of BOOT-INF/layers.idx, in order ({@code - "dependencies":}). */
	private static List<String> layers(String application) throws IOException {
		try (ZipFile jar = new ZipFile(ApplicationConfiguration.jar(application).toFile())) {
			ZipEntry index = jar.getEntry("BOOT-INF/layers.idx");
			assertThat(index).as(application + ".jar is layered (BOOT-INF/layers.idx)").isNotNull();
			assertThat(jar.stream().anyMatch((entry) -> entry.getName().matches("BOOT-INF/lib/spring-boot-jarmode-tools-.*")))
				.as(application + ".jar carries spring-boot-jarmode-tools, which the extraction runs")
				.isTrue();
			String text = new String(jar.getInputStream(index).readAllBytes(), StandardCharsets.UTF_8);
			List<String> layers = new ArrayList<>();
			Matcher layer = Pattern.compile("(?m)^- \"([^\"]+)\":").matcher(text);
			while (layer.find()) {
				layers.add(layer.group(1));
			}
			return layers;
		}
	}

}
