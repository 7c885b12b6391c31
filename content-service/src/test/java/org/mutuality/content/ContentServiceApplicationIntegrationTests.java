package org.mutuality.content;

import org.junit.jupiter.api.Test;
import org.mutuality.content.support.ContentIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class ContentServiceApplicationIntegrationTests extends ContentIntegrationTest {

	@Test
	void startsWithTheSchemaAndTheTopics() {
		assertThat(this.jdbc.sql("select count(*) from topics").query(Long.class).single()).isEqualTo(7);
		assertThat(this.mvc.get().uri("/actuator/health")).hasStatusOk();
	}

	@Test
	void answersTopicsToAnyone() {
		assertThat(this.mvc.get().uri("/api/topics")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[0].articleCount")
			.isEqualTo(0);
	}

}
