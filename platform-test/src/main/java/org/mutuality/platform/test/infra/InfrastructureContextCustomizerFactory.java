package org.mutuality.platform.test.infra;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Reads {@link PostgresDatabase @PostgresDatabase}, {@link KafkaBroker @KafkaBroker} and
 * {@link KeycloakRealm @KeycloakRealm} on a test class (or an enclosing class of a {@code @Nested} one). Registered in
 * {@code META-INF/spring.factories}.
 */
class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		PostgresDatabase database = TestContextAnnotationUtils.findMergedAnnotation(testClass, PostgresDatabase.class);
		boolean kafka = TestContextAnnotationUtils.findMergedAnnotation(testClass, KafkaBroker.class) != null;
		boolean keycloak = TestContextAnnotationUtils.findMergedAnnotation(testClass, KeycloakRealm.class) != null;
		if (database == null && !kafka && !keycloak) {
			return null;
		}
		return new InfrastructureContextCustomizer((database != null) ? database.value() : null, kafka, keycloak);
	}

}
