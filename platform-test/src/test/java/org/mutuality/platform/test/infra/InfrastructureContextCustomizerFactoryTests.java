package org.mutuality.platform.test.infra;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.ContextCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

class InfrastructureContextCustomizerFactoryTests {

	private final InfrastructureContextCustomizerFactory factory = new InfrastructureContextCustomizerFactory();

	@Test
	void customizesNothingWithoutAnnotations() {
		assertThat(this.factory.createContextCustomizer(Plain.class, List.of())).isNull();
	}

	@Test
	void readsTheAnnotations() {
		assertThat(this.factory.createContextCustomizer(Everything.class, List.of()))
			.isEqualTo(new InfrastructureContextCustomizer("content", true, true));
		assertThat(this.factory.createContextCustomizer(KafkaOnly.class, List.of()))
			.isEqualTo(new InfrastructureContextCustomizer(null, true, false));
	}

	@Test
	void sameAnnotationsShareACachedContextAndOthersDoNot() {
		ContextCustomizer one = this.factory.createContextCustomizer(Everything.class, List.of());
		ContextCustomizer same = this.factory.createContextCustomizer(SameAsEverything.class, List.of());
		ContextCustomizer other = this.factory.createContextCustomizer(OtherDatabase.class, List.of());

		assertThat(one).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other);
	}

	@Test
	void subclassesInheritTheAnnotations() {
		assertThat(this.factory.createContextCustomizer(Subclass.class, List.of()))
			.isEqualTo(new InfrastructureContextCustomizer("content", true, true));
	}

	static class Plain {

	}

	@PostgresDatabase("content")
	@KafkaBroker
	@KeycloakRealm
	static class Everything {

	}

	@KeycloakRealm
	@PostgresDatabase("content")
	@KafkaBroker
	static class SameAsEverything {

	}

	@PostgresDatabase("booking")
	@KafkaBroker
	@KeycloakRealm
	static class OtherDatabase {

	}

	@KafkaBroker
	static class KafkaOnly {

	}

	static class Subclass extends Everything {

	}

}
