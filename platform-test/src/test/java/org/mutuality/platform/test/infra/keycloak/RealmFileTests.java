package org.mutuality.platform.test.infra.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.mutuality.platform.test.security.DemoAccount;

import static org.assertj.core.api.Assertions.assertThat;

class RealmFileTests {

	private final JsonNode realm = read();

	@Test
	void hasTheRealmSettingsThePlatformPromises() {
		assertThat(this.realm.path("realm").asText()).isEqualTo("mutuality");
		assertThat(this.realm.path("accessTokenLifespan").asInt()).isEqualTo(300);
		assertThat(this.realm.path("bruteForceProtected").asBoolean()).isTrue();
		assertThat(this.realm.path("registrationAllowed").asBoolean()).isTrue();
		assertThat(this.realm.path("sslRequired").asText()).isEqualTo("external");
		assertThat(values(this.realm.path("roles").path("realm"), "name")).contains("client", "therapist", "admin");
	}

	@Test
	void listsTheDemoAccountsWithTheirFixedIds() {
		for (DemoAccount account : DemoAccount.values()) {
			JsonNode user = find(this.realm.path("users"), "username", account.username());
			assertThat(user.path("id").asText()).isEqualTo(account.id());
			assertThat(user.path("email").asText()).isEqualTo(account.email());
			assertThat(user.path("firstName").asText() + " " + user.path("lastName").asText())
				.isEqualTo(account.displayName());
			assertThat(values(user.path("realmRoles"), null)).containsExactly(account.role());
		}
		assertThat(this.realm.path("users")).hasSize(DemoAccount.values().length);
	}

	@Test
	void commitsNoSecret() {
		JsonNode gateway = find(this.realm.path("clients"), "clientId", "mutuality-gateway");
		assertThat(gateway.path("secret").asText()).isEqualTo("${MUTUALITY_GATEWAY_CLIENT_SECRET}");
		for (JsonNode client : this.realm.path("clients")) {
			assertThat(client.path("secret").asText("${")).as(client.path("clientId").asText()).startsWith("${");
		}
		assertThat(this.realm.has("smtpServer")).isFalse();
		assertThat(this.realm.has("identityProviders")).isFalse();
	}

	private static JsonNode find(JsonNode array, String field, String value) {
		for (JsonNode node : array) {
			if (value.equals(node.path(field).asText())) {
				return node;
			}
		}
		throw new AssertionError("No element with " + field + "=" + value);
	}

	private static List<String> values(JsonNode array, String field) {
		List<String> values = new ArrayList<>();
		array.forEach((node) -> values.add((field != null) ? node.path(field).asText() : node.asText()));
		return values;
	}

	private static JsonNode read() {
		try (InputStream in = RealmFileTests.class.getClassLoader()
			.getResourceAsStream(KeycloakServer.REALM_RESOURCE)) {
			assertThat(in).as(KeycloakServer.REALM_RESOURCE).isNotNull();
			return new ObjectMapper().readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
