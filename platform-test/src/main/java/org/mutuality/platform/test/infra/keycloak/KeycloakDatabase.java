package org.mutuality.platform.test.infra.keycloak;

import java.util.LinkedHashMap;
import java.util.Map;

import org.mutuality.platform.test.infra.postgres.Database;

/**
 * Where a {@link KeycloakProcess} keeps its data, as Keycloak's {@code KC_DB*} settings.
 *
 * @param vendor {@code dev-mem}, {@code dev-file} or {@code postgres}
 * @param url the JDBC URL, for {@code postgres}
 * @param username the database user, for {@code postgres}
 * @param password the password, for {@code postgres} (may be empty when the server trusts local connections)
 */
public record KeycloakDatabase(String vendor, String url, String username, String password) {

	/** An in-memory H2 database: fast, gone when Keycloak stops. For tests. */
	public static KeycloakDatabase devMem() {
		return new KeycloakDatabase("dev-mem", null, null, null);
	}

	/** An H2 file under the Keycloak home. */
	public static KeycloakDatabase devFile() {
		return new KeycloakDatabase("dev-file", null, null, null);
	}

	/** A PostgreSQL database, such as the dev stack's {@code keycloak} database. */
	public static KeycloakDatabase postgres(Database database) {
		return new KeycloakDatabase("postgres", database.jdbcUrl(), database.username(), database.password());
	}

	/** The environment variables that select this database. */
	Map<String, String> environment() {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("KC_DB", this.vendor);
		if (this.url != null) {
			environment.put("KC_DB_URL", this.url);
		}
		if (this.username != null) {
			environment.put("KC_DB_USERNAME", this.username);
		}
		if (this.password != null) {
			environment.put("KC_DB_PASSWORD", this.password);
		}
		return environment;
	}

	@Override
	public String toString() {
		return (this.url != null) ? this.vendor + " " + this.url : this.vendor;
	}

}
