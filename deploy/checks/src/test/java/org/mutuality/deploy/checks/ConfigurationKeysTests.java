package org.mutuality.deploy.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.mutuality.deploy.checks.Manifests.Resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mutuality.deploy.checks.Repository.APPLICATIONS;
import static org.mutuality.deploy.checks.Repository.at;
import static org.mutuality.deploy.checks.Repository.list;
import static org.mutuality.deploy.checks.Repository.map;
import static org.mutuality.deploy.checks.Repository.string;

/**
 * Every configuration key that the compose file or a Kubernetes manifest sets for an application is one
 * the application reads: a misspelt or stale key would otherwise be ignored without a word, and the
 * application would run on its default (a localhost URL, a demo setting).
 */
class ConfigurationKeysTests {

	@Test
	void knowsWhatEachApplicationReadsFromItsJar() {
		for (String application : APPLICATIONS) {
			ApplicationConfiguration configuration = ApplicationConfiguration.of(application);
			assertThat(configuration.reads("SERVER_PORT")).as(application + " reads server.port").isTrue();
			assertThat(configuration.reads("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI")).isTrue();
			assertThat(configuration.reads("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI")).isTrue();
			assertThat(configuration.reads("LOGGING_LEVEL_ORG_MUTUALITY")).as("a map property's entry").isTrue();
			assertThat(configuration.reads("MUTUALITY_NOT_A_SETTING")).isFalse();
			assertThat(configuration.reads("spring_datasource_url")).as("lower case does not bind").isFalse();
		}
		ApplicationConfiguration gateway = ApplicationConfiguration.of("gateway");
		assertThat(gateway.reads("CONTENT_SERVICE_URI")).as("a placeholder of application.yaml").isTrue();
		assertThat(gateway.reads("SPRING_DATASOURCE_URL")).as("the gateway has no database").isFalse();
		assertThat(gateway.reads("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isFalse();
		ApplicationConfiguration content = ApplicationConfiguration.of("content-service");
		assertThat(content.reads("SPRING_DATASOURCE_URL")).isTrue();
		assertThat(content.reads("SPRING_DATASOURCE_PASSWORD")).as("from spring-boot-jdbc's metadata").isTrue();
		assertThat(content.reads("SPRING_KAFKA_BOOTSTRAP_SERVERS")).as("content-service uses no Kafka").isFalse();
		assertThat(content.reads("MUTUALITY_SITE_BASE_URL")).isTrue();
		assertThat(content.reads("CONTENT_SERVICE_URI")).isFalse();
		ApplicationConfiguration booking = ApplicationConfiguration.of("booking-service");
		assertThat(booking.reads("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isTrue();
		assertThat(booking.reads("SPRING_KAFKA_CONSUMER_PROPERTIES_MAX_POLL_RECORDS")).isTrue();
		assertThat(booking.reads("MUTUALITY_PUBLIC_BASE_URL")).isTrue();
	}

	@Test
	void composeSetsOnlyKeysTheApplicationsRead() {
		List<String> problems = new ArrayList<>();
		Map<String, Object> services = ComposeTests.services();
		for (String application : APPLICATIONS) {
			Object environment = at(services.get(application), "environment");
			assertThat(environment).as("compose service " + application + " has an environment map").isInstanceOf(Map.class);
			for (String key : map(environment, application).keySet()) {
				check(application, key, ComposeTests.COMPOSE + ", service " + application, problems);
			}
		}
		assertThat(problems).as(explanation()).isEmpty();
	}

	@Test
	void kubernetesSetsOnlyKeysTheApplicationsRead() {
		List<String> problems = new ArrayList<>();
		List<Resource> resources = Manifests.baseResources();
		Map<String, List<String>> configMaps = Manifests.configMapKeys(resources);
		configMaps.putAll(Manifests.generatedConfigMapKeys(Manifests.BASE));
		for (String application : APPLICATIONS) {
			Resource deployment = KubernetesWorkloadsTests.deployment(resources, application);
			for (Map<String, Object> container : Manifests.containers(deployment)) {
				for (Object variable : list(container.get("env"), deployment.where())) {
					check(application, string(at(variable, "name")), deployment.where() + ", env", problems);
				}
				for (Object source : list(container.get("envFrom"), deployment.where())) {
					String configMap = string(at(source, "configMapRef", "name"));
					if (configMap == null) {
						continue;
					}
					assertThat(configMaps).as(deployment.where() + " reads ConfigMap " + configMap).containsKey(configMap);
					for (String key : configMaps.get(configMap)) {
						check(application, key, "ConfigMap " + configMap + " (for " + application + ")", problems);
					}
				}
			}
		}
		// the production overlay's generators merge into the base's ConfigMaps
		Map<String, List<String>> production = Manifests.generatedConfigMapKeys(Manifests.PRODUCTION);
		production.forEach((configMap, keys) -> {
			String application = configMap.replaceFirst("-config$", "");
			assertThat(APPLICATIONS).as(Manifests.PRODUCTION + " generates ConfigMap " + configMap
					+ ", which is no application's <application>-config").contains(application);
			keys.forEach((key) -> check(application, key, Manifests.PRODUCTION + ", ConfigMap " + configMap, problems));
		});
		assertThat(problems).as(explanation()).isEmpty();
	}

	/**
	 * The issuer the applications check is the one Keycloak writes into tokens (its hostname setting plus
	 * /realms/mutuality), in compose, in the base and in the production overlay; otherwise every token is
	 * refused with 401.
	 */
	@Test
	void applicationsExpectTheIssuerKeycloakWrites() {
		String issuer = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI";
		Map<String, Object> services = ComposeTests.services();
		String composeIssuer = at(services.get("keycloak"), "environment", "KC_HOSTNAME") + "/realms/mutuality";
		for (String application : APPLICATIONS) {
			assertThat(string(at(services.get(application), "environment", issuer)))
				.as(ComposeTests.COMPOSE + ": " + application + "'s issuer is keycloak's KC_HOSTNAME + /realms/mutuality")
				.isEqualTo(composeIssuer);
		}
		Resource keycloak = Manifests.ofKind(Manifests.baseResources(), "Keycloak").get(0);
		String baseIssuer = at(keycloak.body(), "spec", "hostname", "hostname") + "/realms/mutuality";
		Map<String, Map<String, String>> base = Manifests.generatedConfigMaps(Manifests.BASE);
		Map<String, Map<String, String>> production = Manifests.generatedConfigMaps(Manifests.PRODUCTION);
		String productionIssuer = at(Repository.document(Repository.path(Manifests.PRODUCTION + "/keycloak.yaml")),
				"spec", "hostname", "hostname") + "/realms/mutuality";
		for (String application : APPLICATIONS) {
			String configMap = application + "-config";
			assertThat(base.get(configMap)).as(Manifests.BASE + ": ConfigMap " + configMap + " sets " + issuer
					+ " to keycloak.yaml's hostname + /realms/mutuality").containsEntry(issuer, baseIssuer);
			assertThat(production.get(configMap)).as(Manifests.PRODUCTION + ": ConfigMap " + configMap + " sets " + issuer
					+ " to keycloak.yaml's hostname + /realms/mutuality").containsEntry(issuer, productionIssuer);
		}
	}

	private static void check(String application, String key, String where, List<String> problems) {
		if (!ApplicationConfiguration.of(application).reads(key)) {
			problems.add(where + " sets " + key + ", which " + application + " does not read");
		}
	}

	private static String explanation() {
		return "Keys an application does not read (checked against <module>/target/<module>.jar: its application.yaml, "
				+ "the ${NAME:default} placeholders in it, and the configuration metadata of its classes and libraries, "
				+ "with Spring's relaxed binding). Fix the name, or add the key once the application reads it";
	}

}
