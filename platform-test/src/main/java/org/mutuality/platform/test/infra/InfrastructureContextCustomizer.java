package org.mutuality.platform.test.infra;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

import org.mutuality.platform.test.infra.kafka.KafkaServer;
import org.mutuality.platform.test.infra.keycloak.KeycloakServer;
import org.mutuality.platform.test.infra.postgres.Database;

/**
 * Adds the properties (first, above application.yaml) and beans that point an application context at the
 * infrastructure its test class asked for. Part of the context cache key: test classes that ask for the same share a
 * context; each new context gets a new database.
 *
 * @param databasePrefix the {@link PostgresDatabase} name prefix, or {@code null}
 * @param kafka whether {@link KafkaBroker} is present
 * @param keycloak whether {@link KeycloakRealm} is present
 */
record InfrastructureContextCustomizer(String databasePrefix, boolean kafka, boolean keycloak)
		implements ContextCustomizer {

	static final String PROPERTY_SOURCE_NAME = "mutualityTestInfrastructure";

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		Map<String, Object> properties = new LinkedHashMap<>();
		ConfigurableListableBeanFactory beans = context.getBeanFactory();
		if (this.databasePrefix != null) {
			Database database = Infrastructure.postgres().createDatabase(this.databasePrefix);
			properties.put("spring.datasource.url", database.jdbcUrl());
			properties.put("spring.datasource.username", database.username());
			properties.put("spring.datasource.password", database.password());
			beans.registerSingleton("mutualityTestDatabase", database);
		}
		if (this.kafka) {
			KafkaServer kafka = Infrastructure.kafka();
			properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
			beans.registerSingleton("mutualityTestKafkaServer", kafka);
		}
		if (this.keycloak) {
			KeycloakServer keycloak = Infrastructure.keycloak();
			properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", keycloak.issuerUri());
			properties.put("spring.security.oauth2.client.provider.keycloak.issuer-uri", keycloak.issuerUri());
			properties.put("mutuality.test.keycloak.url", keycloak.baseUrl());
			properties.put("mutuality.test.keycloak.gateway-client-secret", keycloak.gatewayClientSecret());
			beans.registerSingleton("mutualityTestKeycloakServer", keycloak);
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
		Infrastructure.usedBy(context);
	}

}
