package org.mutuality.booking.notifications;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.booking.support.BookingServiceIntegrationTest;
import org.mutuality.booking.support.Http;
import org.mutuality.booking.support.MailServer.ReceivedMail;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Booking, rescheduling and cancelling email the client and the therapist through a real SMTP
 * server, each with both parts, times in their own zone with the zone named, and an invitation that
 * calendar apps apply to one event (stable UID, rising SEQUENCE, REQUEST then CANCEL).
 */
class BookingEmailsIntegrationTests extends BookingServiceIntegrationTest {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private User therapist;

	private LocalDate day;

	@BeforeEach
	void therapist() {
		this.therapist = newTherapist();
		createProfile(this.therapist, "Europe/London");
		everyDay(this.therapist, "Europe/London", "09:00", "17:00");
		this.day = LocalDate.now(LONDON).plusDays(4);
	}

	@Test
	void emailsTheClientAndTheTherapistWhenABookingIsConfirmed() throws Exception {
		User client = newClient();
		Instant start = at(10, 0);

		String id = book(client, start, "America/New_York").expect(201).path("id").asString();

		ReceivedMail toClient = awaitMessages(emailOf(client), 1).get(0);
		assertThat(toClient.from()).isEqualTo("bookings@mutuality.test");
		assertThat(toClient.to()).containsExactly(emailOf(client));
		assertThat(toClient.subject()).isEqualTo("Your free consultation with " + therapistName() + " is booked");
		assertThat(toClient.text()).contains("Hello Test Client,")
			.contains(times(start, NEW_YORK) + " America/New_York time (" + zoneName(start, NEW_YORK) + ")")
			.contains("http://localhost:8080/book.html");
		assertThat(toClient.html()).contains("America/New_York time").contains("href=\"http://localhost:8080/book.html\"");
		assertThat(toClient.attachments()).containsExactly("invite.ics");
		assertThat(toClient.icsMethod()).isEqualTo("REQUEST");
		VEvent clientEvent = event(toClient.ics(), "REQUEST");
		assertThat(value(clientEvent, Property.UID)).isEqualTo(id + "@booking.mutuality");
		assertThat(value(clientEvent, Property.SEQUENCE)).isEqualTo("0");
		assertThat(value(clientEvent, Property.ATTENDEE)).isEqualToIgnoringCase("mailto:" + emailOf(client));
		assertThat(value(clientEvent, Property.SUMMARY)).isEqualTo("Free consultation with " + therapistName());
		assertThat(value(clientEvent, Property.DTSTART)).isEqualTo(ical(start));

		ReceivedMail toTherapist = awaitMessages(emailOf(this.therapist), 1).get(0);
		assertThat(toTherapist.subject()).startsWith("New free consultation on ");
		assertThat(toTherapist.text()).contains("A free consultation (T.C.) was booked with you")
			.contains(times(start, LONDON) + " Europe/London time (" + zoneName(start, LONDON) + ")")
			.doesNotContain("Test Client");
		VEvent therapistEvent = event(toTherapist.ics(), "REQUEST");
		assertThat(value(therapistEvent, Property.UID)).isEqualTo(id + "@booking.mutuality");
		assertThat(value(therapistEvent, Property.SUMMARY)).isEqualTo("Free consultation (T.C.)");
		assertThat(toClient.messageId()).isNotEqualTo(toTherapist.messageId());
	}

	@Test
	void updatesThenCancelsTheSameCalendarEvent() throws Exception {
		User client = newClient();
		String id = book(client, at(11, 0), null).expect(201).path("id").asString();
		awaitMessages(emailOf(client), 1);
		Instant moved = at(14, 30);

		this.http.post("/api/bookings/" + id + "/reschedule", client.token(), "{\"start\":\"" + moved + "\"}")
			.expect(200);

		ReceivedMail rescheduled = awaitMessages(emailOf(client), 2).get(1);
		assertThat(rescheduled.subject()).isEqualTo("Your free consultation with " + therapistName() + " has moved");
		// no zone given: the therapist's, named as such
		assertThat(rescheduled.text()).contains(times(moved, LONDON) + " Europe/London time ("
				+ zoneName(moved, LONDON) + "), your therapist's time zone");
		VEvent movedEvent = event(rescheduled.ics(), "REQUEST");
		assertThat(value(movedEvent, Property.UID)).isEqualTo(id + "@booking.mutuality");
		assertThat(value(movedEvent, Property.SEQUENCE)).isEqualTo("1");
		assertThat(value(movedEvent, Property.DTSTART)).isEqualTo(ical(moved));
		assertThat(awaitMessages(emailOf(this.therapist), 2).get(1).subject()).startsWith("Free consultation moved to ");

		this.http.post("/api/bookings/" + id + "/cancel", this.therapist.token(), "{\"reason\":\"ill\"}").expect(200);

		ReceivedMail cancelled = awaitMessages(emailOf(client), 3).get(2);
		assertThat(cancelled.subject()).isEqualTo("Your free consultation with " + therapistName() + " is cancelled");
		assertThat(cancelled.icsMethod()).isEqualTo("CANCEL");
		VEvent cancelledEvent = event(cancelled.ics(), "CANCEL");
		assertThat(value(cancelledEvent, Property.UID)).isEqualTo(id + "@booking.mutuality");
		assertThat(value(cancelledEvent, Property.SEQUENCE)).isEqualTo("2");
		assertThat(value(cancelledEvent, Property.STATUS)).isEqualTo("CANCELLED");
		ReceivedMail therapistCancelled = awaitMessages(emailOf(this.therapist), 3).get(2);
		assertThat(therapistCancelled.subject()).endsWith(" cancelled");
		assertThat(value(event(therapistCancelled.ics(), "CANCEL"), Property.SEQUENCE)).isEqualTo("2");
		assertThat(cancelled.everything()).doesNotContain("ill");
	}

	@Test
	void escapesValuesInTheHtmlPart() {
		User therapist = newTherapist();
		this.http.put("/api/therapists/me", therapist.token(), Http.json(Map.of("displayName",
				"<script>alert(1)</script> Ann & \"Bo\"", "timeZone", "Europe/London", "consultationMinutes", 30,
				"minimumNoticeHours", 0)))
			.expect(201);
		everyDay(therapist, "Europe/London", "09:00", "17:00");
		User client = newClient();

		this.http.post("/api/bookings", client.token(), Http.json(Map.of("therapistId", therapist.id().toString(),
				"start", at(9, 0).toString()))).expect(201);

		ReceivedMail message = awaitMessages(emailOf(client), 1).get(0);
		assertThat(message.text()).contains("<script>alert(1)</script> Ann & \"Bo\"");
		assertThat(message.html()).doesNotContain("<script>")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt; Ann &amp; &quot;Bo&quot;");
	}

	@Test
	void rejectsATimeZoneThatIsNotAnIanaId() {
		User client = newClient();
		for (String zone : List.of("Mars/Olympus", "+02:00", "")) {
			JsonNode problem = book(client, at(12, 0), zone).expectProblem(400);
			assertThat(problem.path("errors").toString()).contains("timeZone");
		}
		assertThat(mail.messagesTo(emailOf(client))).isEmpty();
	}

	private Http.Response book(User client, Instant start, String timeZone) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("therapistId", this.therapist.id().toString());
		body.put("start", start.toString());
		if (timeZone != null) {
			body.put("timeZone", timeZone);
		}
		return this.http.post("/api/bookings", client.token(), Http.json(body));
	}

	private Instant at(int hour, int minute) {
		return this.day.atTime(LocalTime.of(hour, minute)).atZone(LONDON).toInstant();
	}

	private String therapistName() {
		return "Therapist " + this.therapist.id();
	}

	static String emailOf(User user) {
		return user.email();
	}

	static List<ReceivedMail> awaitMessages(String address, int count) {
		await().atMost(TIMEOUT).until(() -> mail.messagesTo(address).size() >= count);
		List<ReceivedMail> messages = mail.messagesTo(address);
		assertThat(messages).as("messages to %s", address).hasSize(count);
		return messages;
	}

	/** "10:00–10:30" in the zone: the start and the end of a 30-minute consultation. */
	static String times(Instant start, ZoneId zone) {
		DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
		ZonedDateTime from = start.atZone(zone);
		return DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH).format(from) + ", "
				+ time.format(from) + "–" + time.format(from.plusMinutes(30));
	}

	static String zoneName(Instant instant, ZoneId zone) {
		return MailTemplates.offsetName(instant.atZone(zone));
	}

	static VEvent event(String ics, String method) throws Exception {
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		assertThat(calendar.getProperty(Property.METHOD).map(Property::getValue)).hasValue(method);
		List<VEvent> events = calendar.getComponents("VEVENT");
		assertThat(events).hasSize(1);
		return events.get(0);
	}

	static String value(VEvent event, String property) {
		return event.getProperty(property).map(Property::getValue).orElse(null);
	}

	private static String ical(Instant instant) {
		return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneId.of("UTC")).format(instant);
	}

}
