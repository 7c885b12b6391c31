package org.mutuality.deploy.checks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mutuality.deploy.checks.Repository.APPLICATIONS;
import static org.mutuality.deploy.checks.Repository.at;
import static org.mutuality.deploy.checks.Repository.map;
import static org.mutuality.deploy.checks.Repository.string;

/**
 * deploy/compose/compose.yaml: services wait for the health of what they depend on, every service has a
 * health check and a memory limit, the applications are built from their modules, secrets come from the
 * git-ignored .env file, and the infrastructure images match the versions the build itself runs.
 */
class ComposeTests {

	static final String COMPOSE = "deploy/compose/compose.yaml";

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[-?][^}]*)?}");

	static Map<String, Object> compose() {
		return Repository.document(Repository.path(COMPOSE));
	}

	static Map<String, Object> services() {
		return map(compose().get("services"), COMPOSE + " services");
	}

	@Test
	void dependenciesWaitUntilTheyAreHealthy() {
		Map<String, Object> services = services();
		List<String> problems = new ArrayList<>();
		services.forEach((name, service) -> {
			Object dependsOn = at(service, "depends_on");
			if (dependsOn == null) {
				return;
			}
			if (!(dependsOn instanceof Map<?, ?> dependencies)) {
				problems.add(name + ": depends_on is a list; use the long form with condition: service_healthy");
				return;
			}
			dependencies.forEach((dependency, settings) -> {
				if (!"service_healthy".equals(string(at(settings, "condition")))) {
					problems.add(name + " -> " + dependency + ": condition is " + at(settings, "condition")
							+ ", not service_healthy");
				}
				if (!services.containsKey(String.valueOf(dependency))) {
					problems.add(name + " -> " + dependency + ": no such service");
				}
				else if (at(services.get(String.valueOf(dependency)), "healthcheck", "test") == null) {
					problems.add(name + " -> " + dependency + ": " + dependency + " has no healthcheck to wait for");
				}
			});
		});
		assertThat(problems).as(COMPOSE).isEmpty();
	}

	@Test
	void everyServiceHasAHealthCheckAndAMemoryLimit() {
		List<String> problems = new ArrayList<>();
		services().forEach((name, service) -> {
			if (at(service, "healthcheck", "test") == null) {
				problems.add(name + " has no healthcheck.test");
			}
			if (at(service, "deploy", "resources", "limits", "memory") == null && at(service, "mem_limit") == null) {
				problems.add(name + " has no memory limit (deploy.resources.limits.memory)");
			}
			if (at(service, "image") == null) {
				problems.add(name + " names no image");
			}
			else if (!ImagesTests.pinned(string(at(service, "image")))) {
				problems.add(name + ": image " + at(service, "image") + " is not pinned to a tag other than latest");
			}
		});
		assertThat(problems).as(COMPOSE).isEmpty();
	}

	@Test
	void applicationsAreBuiltFromTheirModulesDockerfiles() {
		Map<String, Object> services = services();
		Path composeDirectory = Repository.path(COMPOSE).getParent();
		for (String application : APPLICATIONS) {
			assertThat(services).as(COMPOSE + " runs every application").containsKey(application);
			Object build = at(services.get(application), "build");
			String context = (build instanceof Map) ? string(at(build, "context")) : string(build);
			assertThat(context).as(application + ": build context").isNotNull();
			Path module = composeDirectory.resolve(context).normalize();
			assertThat(module).as(application + " is built from its module").isEqualTo(Repository.path(application));
			assertThat(module.resolve("Dockerfile")).as(application + "'s Dockerfile").isRegularFile();
		}
	}

	@Test
	void secretsComeFromTheGitIgnoredEnvironmentFile() {
		List<String> problems = new ArrayList<>();
		Set<String> required = new LinkedHashSet<>();
		Matcher variables = VARIABLE.matcher(Repository.read(Repository.path(COMPOSE)));
		while (variables.find()) {
			// ${NAME} and ${NAME:?message} must come from .env; ${NAME:-default} may
			if (variables.group(2) == null || variables.group(2).startsWith(":?")) {
				required.add(variables.group(1));
			}
		}
		services().forEach((name, service) -> {
			Object environment = at(service, "environment");
			if (environment == null) {
				return;
			}
			map(environment, name).forEach((key, value) -> {
				if (key.matches(".*(PASSWORD|SECRET).*") && !String.valueOf(value).matches("\\$\\{[A-Z0-9_]+(:\\?[^}]*)?}")) {
					problems.add(name + ": " + key + " is not taken from .env (${" + key + ":?...}) but set to " + value);
				}
			});
		});
		Path example = Repository.path("deploy/compose/.env.example");
		assertThat(example).as("the template of the .env file").isRegularFile();
		Set<String> defined = new LinkedHashSet<>();
		for (String line : Repository.read(example).split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] entry = line.split("=", 2);
			defined.add(entry[0]);
			if (entry[0].matches(".*(PASSWORD|SECRET).*") && !entry[1].equals("REPLACE_ME")) {
				problems.add(".env.example: " + entry[0] + " holds a value; it must be REPLACE_ME");
			}
		}
		for (String variable : required) {
			if (!defined.contains(variable)) {
				problems.add("compose.yaml uses ${" + variable + "}, which .env.example does not define");
			}
		}
		assertThat(Repository.read(Repository.path("deploy/compose/.gitignore")).lines())
			.as("deploy/compose/.gitignore keeps the real secrets out of git")
			.contains(".env");
		assertThat(problems).isEmpty();
	}

	@Test
	void infrastructureImagesMatchTheVersionsTheBuildUses() throws Exception {
		Map<String, Object> services = services();
		Matcher keycloak = Pattern.compile("<keycloak\\.version>([^<]+)</keycloak\\.version>")
			.matcher(Repository.read(Repository.path("pom.xml")));
		assertThat(keycloak.find()).as("the root pom's keycloak.version").isTrue();
		assertThat(string(at(services.get("keycloak"), "image")))
			.as("compose runs the Keycloak version of the dev stack and the tests (pom.xml keycloak.version)")
			.isEqualTo("quay.io/keycloak/keycloak:" + keycloak.group(1));
		String kafkaClients;
		try (ZipFile jar = new ZipFile(ApplicationConfiguration.jar("assessment-service").toFile())) {
			kafkaClients = jar.stream()
				.map((entry) -> entry.getName())
				.filter((name) -> name.matches("BOOT-INF/lib/kafka-clients-[^/]+\\.jar"))
				.map((name) -> name.replaceAll(".*/kafka-clients-(.+)\\.jar", "$1"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("assessment-service.jar has no kafka-clients"));
		}
		assertThat(string(at(services.get("kafka"), "image")))
			.as("compose runs the broker version of the applications' Kafka client")
			.isEqualTo("apache/kafka:" + kafkaClients);
	}

}
