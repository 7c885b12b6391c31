package org.mutuality.booking.demo;

import org.junit.jupiter.api.Test;
import org.mutuality.booking.support.BookingServiceIntegrationTest;
import org.mutuality.platform.test.security.DemoAccount;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code mutuality.demo-data=true} an empty database gets the demo therapists with weekday
 * availability, once.
 */
@TestPropertySource(properties = "mutuality.demo-data=true")
class DemoDataIntegrationTests extends BookingServiceIntegrationTest {

	@Autowired
	private DemoTherapists demoTherapists;

	@Test
	void createsTheDemoTherapistsWithWeekdayAvailability() {
		JsonNode therapists = this.http.get("/api/therapists").expect(200);

		assertThat(therapists.valueStream().map((therapist) -> therapist.path("displayName").asString()))
			.contains("Maya Okafor", "Daniel Brooks");
		assertThat(this.http.get("/api/therapists/" + DemoAccount.THERAPIST1.id()).expect(200)
			.path("displayName")
			.asString()).isEqualTo("Maya Okafor");
		JsonNode availability = this.http
			.get("/api/therapists/me/availability", token(DemoAccount.THERAPIST2))
			.expect(200);
		assertThat(availability.path("weekly").valueStream().map((interval) -> interval.path("day").asString()))
			.contains("MONDAY", "FRIDAY")
			.doesNotContain("SATURDAY", "SUNDAY");
	}

	@Test
	void leavesADatabaseWithTherapistsAlone() {
		assertThat(this.demoTherapists.createIfEmpty()).isFalse();
	}

}
