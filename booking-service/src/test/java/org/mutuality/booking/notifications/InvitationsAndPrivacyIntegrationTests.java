package org.mutuality.booking.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mutuality.booking.followups.AssessmentCompleted;
import org.mutuality.booking.followups.FollowUpService;
import org.mutuality.booking.support.BookingServiceIntegrationTest;
import org.mutuality.booking.support.Http;
import org.mutuality.booking.support.MailServer.ReceivedMail;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A follow-up for a client who agreed to be contacted invites them by email to book a free
 * consultation, and none is sent without consent. No email of any kind carries a health detail:
 * not the assessment, its score, band or risk flags, nor the client's note or cancel reason.
 */
class InvitationsAndPrivacyIntegrationTests extends BookingServiceIntegrationTest {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Autowired
	private FollowUpService followUps;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void invitesAConsentingClientToBook() {
		String email = "invited-" + UUID.randomUUID() + "@mutuality.test";

		this.followUps.assessmentCompleted(event(email, "BOOK_FREE_CONSULTATION", true));

		ReceivedMail invitation = BookingEmailsIntegrationTests.awaitMessages(email, 1).get(0);
		assertThat(invitation.subject()).isEqualTo("Book your free consultation");
		assertThat(invitation.text()).contains("Hello Alex Morgan,")
			.contains("your free consultation")
			.contains("http://localhost:8080/book.html");
		assertThat(invitation.html()).contains("<a href=\"http://localhost:8080/book.html\">");
		assertThat(invitation.ics()).isNull();
		assertNoHealthDetail(invitation);
	}

	@Test
	void sendsNoInvitationWithoutConsentOrForASelfGuidedResult() {
		String withoutConsent = "quiet-" + UUID.randomUUID() + "@mutuality.test";
		String selfGuided = "self-guided-" + UUID.randomUUID() + "@mutuality.test";

		this.followUps.assessmentCompleted(event(withoutConsent, "BOOK_FREE_CONSULTATION", false));
		this.followUps.assessmentCompleted(event(selfGuided, "SELF_GUIDED", true));

		// written in the follow-up's transaction, or never: nothing is queued for either
		assertThat(this.jdbc.sql("select count(*) from mail_outbox where recipient in (?, ?)")
			.params(withoutConsent, selfGuided)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void noEmailCarriesAHealthDetail() {
		String email = "urgent-" + UUID.randomUUID() + "@mutuality.test";
		this.followUps.assessmentCompleted(event(email, "URGENT_SUPPORT", true));
		User therapist = newTherapist();
		createProfile(therapist, "Europe/London");
		everyDay(therapist, "Europe/London", "09:00", "17:00");
		User client = newClient();
		LocalDate day = LocalDate.now(LONDON).plusDays(5);
		String id = this.http
			.post("/api/bookings", client.token(),
					Http.json(Map.of("therapistId", therapist.id().toString(), "start", at(day, 9, 0).toString(), "note",
							"My PHQ-9 score was 23, severe depression, self-harm risk")))
			.expect(201)
			.path("id")
			.asString();
		this.http.post("/api/bookings/" + id + "/reschedule", client.token(), "{\"start\":\"" + at(day, 10, 0) + "\"}")
			.expect(200);
		this.http.post("/api/bookings/" + id + "/cancel", client.token(), "{\"reason\":\"my GAD-7 anxiety\"}")
			.expect(200);

		List<ReceivedMail> messages = new ArrayList<>();
		messages.addAll(BookingEmailsIntegrationTests.awaitMessages(email, 1));
		messages.addAll(BookingEmailsIntegrationTests.awaitMessages(client.email(), 3));
		messages.addAll(BookingEmailsIntegrationTests.awaitMessages(therapist.email(), 3));
		for (ReceivedMail message : messages) {
			assertNoHealthDetail(message);
		}
	}

	private static void assertNoHealthDetail(ReceivedMail message) {
		String everything = message.everything().toLowerCase(Locale.ROOT);
		assertThat(everything).as(message.subject())
			.doesNotContain("phq", "gad", "risk", "score", "band", "severe", "moderate", "depress", "anxi", "harm",
					"assessment", "questionnaire", "urgent");
	}

	private static AssessmentCompleted event(String email, String recommendation, boolean consent) {
		return new AssessmentCompleted(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "phq-9",
				UUID.randomUUID(), "Alex Morgan", 23, "SEVERE",
				"URGENT_SUPPORT".equals(recommendation) ? List.of("SELF_HARM_RISK") : List.of(), recommendation,
				Instant.now(), email, consent);
	}

	private static Instant at(LocalDate day, int hour, int minute) {
		return day.atTime(LocalTime.of(hour, minute)).atZone(LONDON).toInstant();
	}

}
