package org.mutuality.gateway.requests;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New request ids are random version 4 UUIDs in their usual form, and do not repeat.
 */
class RequestIdWebFilterTests {

	@Test
	void newIdsAreDistinctVersionFourUuids() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 100_000; i++) {
			String id = RequestIdWebFilter.newRequestId();
			UUID uuid = UUID.fromString(id);
			assertThat(uuid.version()).isEqualTo(4);
			assertThat(uuid.variant()).isEqualTo(2);
			assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
			ids.add(id);
		}
		assertThat(ids).hasSize(100_000);
	}

}
