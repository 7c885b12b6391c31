package org.mutuality.platform.test.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import org.mutuality.platform.test.infra.kafka.KafkaServer;
import org.mutuality.platform.test.infra.keycloak.KeycloakServer;
import org.mutuality.platform.test.infra.postgres.Database;
import org.mutuality.platform.test.security.DemoAccount;

import static org.assertj.core.api.Assertions.assertThat;

@SpringJUnitConfig(InfrastructureContextCustomizerIntegrationTests.Empty.class)
@PostgresDatabase("sample")
@KafkaBroker
@KeycloakRealm
class InfrastructureContextCustomizerIntegrationTests {

	@Autowired
	private Environment environment;

	@Autowired
	private Database database;

	@Autowired
	private KafkaServer kafka;

	@Autowired
	private KeycloakServer keycloak;

	@Test
	void pointsSpringBootsPropertiesAtAFreshDatabase() throws Exception {
		assertThat(this.database.name()).startsWith("sample_");
		String url = this.environment.getProperty("spring.datasource.url");
		assertThat(url).isEqualTo(this.database.jdbcUrl());
		try (Connection connection = DriverManager.getConnection(url,
				this.environment.getProperty("spring.datasource.username"),
				this.environment.getProperty("spring.datasource.password"));
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select current_database(), current_user")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo(this.database.name());
			assertThat(rows.getString(2)).isEqualTo(this.database.username());
		}
	}

	@Test
	void pointsSpringBootsPropertiesAtTheKafkaBroker() {
		assertThat(this.kafka).isSameAs(Infrastructure.kafka());
		assertThat(this.environment.getProperty("spring.kafka.bootstrap-servers"))
			.isEqualTo(this.kafka.bootstrapServers());
	}

	@Test
	void pointsResourceServersAtTheRealm() {
		assertThat(this.keycloak).isSameAs(Infrastructure.keycloak());
		assertThat(this.environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
			.isEqualTo(this.keycloak.issuerUri())
			.endsWith("/realms/mutuality");
		assertThat(this.environment.getProperty("spring.security.oauth2.client.provider.keycloak.issuer-uri"))
			.isEqualTo(this.keycloak.issuerUri());
		assertThat(this.environment.getProperty("mutuality.test.keycloak.gateway-client-secret"))
			.isEqualTo(this.keycloak.gatewayClientSecret())
			.isNotBlank();
		assertThat(this.keycloak.passwordToken(DemoAccount.CLIENT1)).isNotBlank();
	}

	@Nested
	class Inherited {

		@Autowired
		private Database nestedDatabase;

		@Test
		void nestedTestsGetTheSameContext() {
			assertThat(this.nestedDatabase).isEqualTo(InfrastructureContextCustomizerIntegrationTests.this.database);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
