package org.mutuality.deploy.checks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mutuality.deploy.checks.Repository.at;
import static org.mutuality.deploy.checks.Repository.map;

/**
 * The Keycloak Operator's realm import is deploy/keycloak/realm-mutuality.json, the realm the dev stack and
 * compose import: one source of truth. The KeycloakRealmImport in the base is generated from it; when the
 * realm changes, regenerate it with
 * {@code ./mvnw -pl deploy/checks test -Dtest=RealmImportTests -Dmutuality.regenerate-realm-import=true}.
 */
class RealmImportTests {

	static final Path REALM = Repository.path("deploy/keycloak/realm-mutuality.json");

	static final Path IMPORT = Repository.path(Manifests.BASE + "/keycloak/realm-import.yaml");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(:[^}]*)?}");

	@Test
	void realmImportIsTheRealmFile() throws IOException {
		Map<String, Object> realm = realm();
		if (Boolean.getBoolean("mutuality.regenerate-realm-import")) {
			Files.writeString(IMPORT, generate(realm));
		}
		assertThat(IMPORT).as("the generated KeycloakRealmImport").isRegularFile();
		Map<String, Object> generated = Repository.document(IMPORT);
		assertThat(generated.get("apiVersion")).isEqualTo("k8s.keycloak.org/v2alpha1");
		assertThat(generated.get("kind")).isEqualTo("KeycloakRealmImport");
		assertThat(at(generated, "spec", "keycloakCRName")).as("imports into the Keycloak of keycloak/keycloak.yaml")
			.isEqualTo("keycloak");
		assertThat(at(generated, "spec", "realm"))
			.as(Repository.relative(IMPORT) + " differs from " + Repository.relative(REALM)
					+ "; regenerate it: ./mvnw -pl deploy/checks test -Dtest=RealmImportTests "
					+ "-Dmutuality.regenerate-realm-import=true")
			.isEqualTo(realm);
	}

	@Test
	void everyPlaceholderOfTheRealmComesFromASecret() {
		Set<String> names = new TreeSet<>();
		Matcher placeholders = PLACEHOLDER.matcher(Repository.read(REALM));
		while (placeholders.find()) {
			names.add(placeholders.group(1));
		}
		assertThat(names).as("the realm's placeholders").contains("MUTUALITY_GATEWAY_CLIENT_SECRET");
		Map<String, Object> given = map(at(Repository.document(IMPORT), "spec", "placeholders"), "placeholders");
		assertThat(given.keySet())
			.as("every placeholder of the realm, defaults included (the default is the dev stack's localhost URL)")
			.containsExactlyInAnyOrderElementsOf(names);
		given.forEach((name, source) -> assertThat(at(source, "secret", "name")).as(name + " from a Secret").isNotNull());
	}

	private static Map<String, Object> realm() {
		@SuppressWarnings("unchecked")
		Map<String, Object> realm = JsonMapper.builder().build().readValue(Repository.read(REALM), LinkedHashMap.class);
		return realm;
	}

	private static String generate(Map<String, Object> realm) {
		Map<String, Object> placeholders = new LinkedHashMap<>();
		placeholders.put("MUTUALITY_GATEWAY_CLIENT_SECRET",
				Map.of("secret", Map.of("name", "mutuality-gateway-oidc", "key", "client-secret")));
		placeholders.put("MUTUALITY_GATEWAY_URL",
				Map.of("secret", Map.of("name", "mutuality-gateway-oidc", "key", "gateway-url")));
		Map<String, Object> spec = new LinkedHashMap<>();
		spec.put("keycloakCRName", "keycloak");
		spec.put("placeholders", placeholders);
		spec.put("realm", realm);
		Map<String, Object> resource = new LinkedHashMap<>();
		resource.put("apiVersion", "k8s.keycloak.org/v2alpha1");
		resource.put("kind", "KeycloakRealmImport");
		resource.put("metadata", Map.of("name", "mutuality"));
		resource.put("spec", spec);
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndicatorIndent(2);
		options.setIndentWithIndicator(true);
		options.setWidth(120);
		return """
				# GENERATED from deploy/keycloak/realm-mutuality.json by deploy/checks (RealmImportTests), which fails
				# when the two differ. Do not edit: change the realm file, then regenerate:
				#   ./mvnw -pl deploy/checks test -Dtest=RealmImportTests -Dmutuality.regenerate-realm-import=true
				# The operator imports the realm once (an existing realm is never overwritten); the placeholders come
				# from the Secret described in deploy/k8s/secrets.example.yaml.
				""" + new Yaml(options).dump(resource);
	}

}
