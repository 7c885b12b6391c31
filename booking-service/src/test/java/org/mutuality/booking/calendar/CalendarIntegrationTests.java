package org.mutuality.booking.calendar;

import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.booking.support.BookingServiceIntegrationTest;
import org.mutuality.booking.support.Http;
import org.mutuality.platform.test.security.DemoAccount;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Therapists' calendars as RFC 5545 over HTTP: their own with a bearer token, and the private
 * subscription URL with a revocable token. Events name no client and carry no note.
 */
class CalendarIntegrationTests extends BookingServiceIntegrationTest {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private User therapist;

	private Instant start;

	@BeforeEach
	void booking() {
		this.therapist = newTherapist();
		createProfile(this.therapist, "Europe/London");
		everyDay(this.therapist, "Europe/London", "09:00", "17:00");
		this.start = LocalDate.now(LONDON).plusDays(2).atTime(14, 0).atZone(LONDON).toInstant();
		User client = newUser("client", "Alex Jordan Morgan");
		this.http.post("/api/bookings", client.token(), Http.json(Map.of("therapistId", this.therapist.id(), "start",
				this.start.toString(), "note", "Private note about my panic attacks")))
			.expect(201);
	}

	@Test
	void answersTheTherapistsOwnUpcomingBookingsAsICalendar() throws Exception {
		Http.Response response = this.http.get("/api/therapists/me/calendar.ics", this.therapist.token());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("text/calendar");
		assertThat(response.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("VERSION:2.0", "PRODID:");
		assertThat(response.body()).doesNotContain("Alex", "Morgan", "panic", "Private note");
		Calendar calendar = new CalendarBuilder().build(new StringReader(response.body()));
		List<VEvent> events = calendar.getComponents("VEVENT");
		assertThat(events).hasSize(1);
		VEvent event = events.get(0);
		assertThat(event.getProperty(Property.SUMMARY).orElseThrow().getValue())
			.isEqualTo("Free consultation (A.J.M.)");
		assertThat(event.getProperty(Property.UID)).isPresent();
		assertThat(event.getProperty(Property.DTSTART).orElseThrow().getValue())
			.isEqualTo(this.start.toString().replace("-", "").replace(":", ""));
	}

	@Test
	void servesThePrivateSubscriptionUrlUntilItIsRevokedOrReplaced() {
		JsonNode subscription = this.http
			.post("/api/therapists/me/calendar-subscription", this.therapist.token(), null)
			.expect(201);
		String path = pathOf(subscription.path("url").asString());
		assertThat(path).startsWith("/api/therapists/" + this.therapist.id() + "/calendar.ics?token=");

		Http.Response subscribed = this.http.get(path);
		assertThat(subscribed.status()).isEqualTo(200);
		assertThat(subscribed.body()).contains("SUMMARY:Free consultation (A.J.M.)");
		this.http.get("/api/therapists/" + this.therapist.id() + "/calendar.ics?token=guess").expectProblem(404);
		this.http.get("/api/therapists/" + this.therapist.id() + "/calendar.ics").expectProblem(404);

		String renewed = pathOf(this.http.post("/api/therapists/me/calendar-subscription", this.therapist.token(), null)
			.expect(201)
			.path("url")
			.asString());
		this.http.get(path).expectProblem(404);
		assertThat(this.http.get(renewed).status()).isEqualTo(200);

		this.http.delete("/api/therapists/me/calendar-subscription", this.therapist.token()).expect(204);
		this.http.get(renewed).expectProblem(404);
	}

	@Test
	void letsOnlyTherapistsReadTheirOwnCalendar() {
		this.http.get("/api/therapists/me/calendar.ics").expectProblem(401);
		this.http.get("/api/therapists/me/calendar.ics", token(DemoAccount.CLIENT1)).expectProblem(403);
		this.http.get("/api/therapists/me/calendar.ics", token(DemoAccount.ADMIN1)).expectProblem(403);
		this.http.post("/api/therapists/me/calendar-subscription", token(DemoAccount.CLIENT1), null).expectProblem(403);
	}

	private static String pathOf(String url) {
		URI uri = URI.create(url);
		return uri.getRawPath() + "?" + uri.getRawQuery();
	}

}
