package org.mutuality.booking.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.booking.support.BookingServiceIntegrationTest;
import org.mutuality.booking.support.Http;
import org.mutuality.booking.support.MailServer.ReceivedMail;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders: one per booking 24 hours before its start, sent once however many senders race for
 * it (a sender made anew, as after a restart, finds it sent), never for a cancelled booking, and
 * moved with a reschedule; one per configured lead time (24 h and 1 h, say). The tests send "as of" the reminder's due time through the sender
 * itself, so nothing waits for a day.
 */
class RemindersIntegrationTests extends BookingServiceIntegrationTest {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Autowired
	private OutboxSender sender;

	@Autowired
	private MailOutbox outbox;

	@Autowired
	private JavaMailSender mailSender;

	@Autowired
	private NotificationProperties properties;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MailTemplates templates;

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
	void remindsTheClientOnceEvenWithSendersRacing() throws Exception {
		User client = newClient();
		Instant start = at(this.day, 10, 0);
		UUID booking = book(client, start);
		Instant due = pendingReminder(booking);
		assertThat(due).isEqualTo(start.minus(Duration.ofHours(24)));

		List<OutboxSender> senders = List.of(this.sender, anotherInstance(), anotherInstance(), anotherInstance());
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(senders.size());
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (OutboxSender each : senders) {
				runs.add(threads.submit(() -> {
					go.await();
					return each.sendDue(due);
				}));
			}
			go.countDown();
			for (Future<Integer> run : runs) {
				run.get();
			}
		}
		finally {
			threads.shutdown();
		}

		assertThat(reminders(client)).hasSize(1);
		ReceivedMail reminder = reminders(client).get(0);
		assertThat(reminder.subject()).isEqualTo("Reminder: your free consultation with Therapist " + this.therapist.id());
		assertThat(reminder.text()).contains(BookingEmailsIntegrationTests.times(start, LONDON));
		assertThat(statusOfReminder(booking)).isEqualTo("SENT");
		// a new instance (a restart) finds nothing more to send for it
		anotherInstance().sendDue(due.plus(Duration.ofHours(1)));
		assertThat(reminders(client)).hasSize(1);
	}

	@Test
	void neverRemindsOfACancelledBooking() {
		User client = newClient();
		Instant start = at(this.day, 11, 0);
		UUID booking = book(client, start);
		Instant due = pendingReminder(booking);

		this.http.post("/api/bookings/" + booking + "/cancel", client.token(), "{}").expect(200);
		this.sender.sendDue(due.plus(Duration.ofMinutes(30)));

		assertThat(statusOfReminder(booking)).isEqualTo("CANCELLED");
		List<ReceivedMail> messages = BookingEmailsIntegrationTests.awaitMessages(client.email(), 2);
		assertThat(messages).extracting(ReceivedMail::subject)
			.noneMatch((subject) -> subject.startsWith("Reminder"))
			.anyMatch((subject) -> subject.endsWith("is cancelled"));
	}

	@Test
	void movesTheReminderWithAReschedule() {
		User client = newClient();
		Instant start = at(this.day, 12, 0);
		UUID booking = book(client, start);
		Instant oldDue = pendingReminder(booking);
		Instant moved = at(this.day.plusDays(2), 15, 0);

		this.http.post("/api/bookings/" + booking + "/reschedule", client.token(), "{\"start\":\"" + moved + "\"}")
			.expect(200);

		Instant newDue = pendingReminder(booking);
		assertThat(newDue).isEqualTo(moved.minus(Duration.ofHours(24)));
		this.sender.sendDue(oldDue.plusSeconds(1));
		assertThat(reminders(client)).isEmpty();
		this.sender.sendDue(newDue);
		assertThat(reminders(client)).singleElement()
			.satisfies((reminder) -> assertThat(reminder.text())
				.contains(BookingEmailsIntegrationTests.times(moved, LONDON))
				.doesNotContain(BookingEmailsIntegrationTests.times(start, LONDON)));
	}

	@Test
	void setsNoReminderThatWouldBeDueAlready() {
		User therapist = newTherapist();
		createProfile(therapist, "Europe/London");
		everyDay(therapist, "Europe/London", "00:00", "23:30");
		this.therapist = therapist;
		User client = newClient();
		UUID booking = book(client, Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(4)));

		assertThat(this.jdbc.sql("select count(*) from mail_outbox where booking_id = ? and kind = 'REMINDER'")
			.params(booking)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void setsOneReminderPerConfiguredLeadTime() {
		User client = newClient();
		Instant start = at(this.day, 13, 0);
		UUID booking = book(client, start);
		NotificationProperties twoReminders = new NotificationProperties(this.properties.from(),
				this.properties.fromName(), this.properties.siteBaseUrl(),
				List.of(Duration.ofHours(24), Duration.ofHours(1), Duration.ofHours(24)), this.properties.sender(),
				this.properties.retention());
		Notifications notifications = new Notifications(this.outbox, twoReminders, Clock.systemUTC());
		BookingNotice notice = new BookingNotice(booking, 1, start, start.plus(Duration.ofMinutes(30)), client.email(),
				"Test Client", "T.C.", null, "Therapist " + this.therapist.id(), this.therapist.email(), LONDON);

		new TransactionTemplate(this.transactionManager)
			.executeWithoutResult((status) -> notifications.bookingRescheduled(notice));

		assertThat(this.jdbc.sql("""
				select due_at from mail_outbox where booking_id = ? and kind = 'REMINDER' and status = 'PENDING'
				order by due_at""").params(booking).query(Timestamp.class).list())
			.extracting(Timestamp::toInstant)
			.containsExactly(start.minus(Duration.ofHours(24)), start.minus(Duration.ofHours(1)));
	}

	private OutboxSender anotherInstance() {
		return new OutboxSender(this.outbox, this.templates, this.mailSender, this.properties, this.transactionManager,
				Clock.systemUTC(), new SimpleMeterRegistry());
	}

	private UUID book(User client, Instant start) {
		return UUID.fromString(this.http
			.post("/api/bookings", client.token(),
					Http.json(java.util.Map.of("therapistId", this.therapist.id().toString(), "start", start.toString())))
			.expect(201)
			.path("id")
			.asString());
	}

	private Instant pendingReminder(UUID booking) {
		return this.jdbc.sql("""
				select due_at from mail_outbox where booking_id = ? and kind = 'REMINDER' and status = 'PENDING'""")
			.params(booking)
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	private String statusOfReminder(UUID booking) {
		return this.jdbc.sql("""
				select status from mail_outbox where booking_id = ? and kind = 'REMINDER'
				order by created_at desc limit 1""")
			.params(booking)
			.query(String.class)
			.single();
	}

	private static List<ReceivedMail> reminders(User client) {
		return mail.messagesTo(client.email())
			.stream()
			.filter((message) -> message.subject().startsWith("Reminder"))
			.toList();
	}

	private static Instant at(LocalDate day, int hour, int minute) {
		return day.atTime(LocalTime.of(hour, minute)).atZone(LONDON).toInstant();
	}

}
