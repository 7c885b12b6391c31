package org.mutuality.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mutuality.booking.support.AssessmentCompletedEvents;
import org.mutuality.booking.support.BookingServiceIntegrationTest.User;
import org.mutuality.booking.support.Http;
import org.mutuality.booking.support.MailServer;
import org.mutuality.booking.support.MailServer.ReceivedMail;
import org.mutuality.booking.support.TestUsers;
import org.mutuality.booking.support.Therapists;
import org.mutuality.platform.test.infra.Infrastructure;
import org.mutuality.platform.test.infra.postgres.Database;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of booking-service side by side, as Kubernetes runs them: two application contexts on their own
 * ports in this JVM, sharing one PostgreSQL database, the Kafka broker (one consumer group) and the SMTP server.
 * Both instances' mail senders deliver each confirmation and each reminder exactly once, and both share the
 * partitions of the follow-up topic, making exactly one follow-up (and one invitation) per event, also for events
 * sent while one instance goes away and the other takes over its partitions. The instances share a movable clock,
 * so that a day passes for both at once and the reminders fall due together. The second test stops an instance,
 * so it runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIntegrationTests {

	private static final MailServer mail = MailServer.shared();

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private static final Duration TIMEOUT = Duration.ofSeconds(45);

	private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	/** A topic and a group of this class's own on the JVM's shared broker; the instances create the topic. */
	private static final String TOPIC = "assessment.completed.v1.scale-out-" + RUN;

	private static final int PARTITIONS = 3;

	private static final MovableClock clock = new MovableClock();

	private static Database database;

	private static Instance first;

	private static Instance second;

	@BeforeAll
	static void startTwoInstances() {
		database = Infrastructure.postgres().createDatabase("booking");
		first = Instance.start();
		second = Instance.start();
	}

	@AfterAll
	static void stopInstances() {
		for (Instance instance : new Instance[] { second, first }) {
			if (instance != null) {
				instance.context().close();
			}
		}
	}

	@Test
	@Order(1)
	void deliversEachConfirmationAndEachReminderOnceWithBothInstancesSending() {
		int bookings = 12;
		User therapist = TestUsers.newUser("therapist", "Scale therapist");
		first.http().put("/api/therapists/me", therapist.token(), Http.json(Map.of("displayName", "Dr Scale " + RUN,
				"timeZone", "Europe/London", "consultationMinutes", 30, "minimumNoticeHours", 0, "horizonDays", 60)))
			.expect(201);
		Therapists.everyDay(first.http(), therapist, "Europe/London", "09:00", "17:00");
		LocalDate day = LocalDate.now(LONDON).plusDays(3);
		List<User> clients = new ArrayList<>();
		Instant lastStart = null;
		for (int i = 0; i < bookings; i++) {
			User client = TestUsers.newUser("client", "Scale client");
			clients.add(client);
			lastStart = day.atTime(9, 0).plusMinutes(30L * i).atZone(LONDON).toInstant();
			// half the bookings through each instance
			Instance instance = (i % 2 == 0) ? first : second;
			instance.http().post("/api/bookings", client.token(),
					Http.json(Map.of("therapistId", therapist.id().toString(), "start", lastStart.toString())))
				.expect(201);
		}

		// a day passes for both instances: every reminder (24 h before its start) is due, no consultation has begun
		clock.setTo(lastStart.minus(Duration.ofHours(23)));

		int expected = bookings * 3;
		await().atMost(TIMEOUT).until(() -> pendingEmails() == 0 && received(clients, therapist) >= expected);
		for (User client : clients) {
			assertThat(mail.messagesTo(client.email())).as("emails to %s", client.email())
				.extracting(ReceivedMail::subject)
				.containsExactlyInAnyOrder("Your free consultation with Dr Scale " + RUN + " is booked",
						"Reminder: your free consultation with Dr Scale " + RUN);
		}
		List<ReceivedMail> toTherapist = mail.messagesTo(therapist.email());
		assertThat(toTherapist).hasSize(bookings)
			.allSatisfy((message) -> assertThat(message.subject()).startsWith("New free consultation on "));
		Set<String> messageIds = new HashSet<>();
		clients.forEach((client) -> mail.messagesTo(client.email()).forEach((m) -> messageIds.add(m.messageId())));
		toTherapist.forEach((message) -> messageIds.add(message.messageId()));
		assertThat(messageIds).hasSize(expected);
		// what the SMTP server accepted, counted by the two senders: no message was sent twice, and both sent some
		double sentByFirst = first.counter("mail.outbox.sent");
		double sentBySecond = second.counter("mail.outbox.sent");
		assertThat(sentByFirst + sentBySecond).isEqualTo(sentEmails()).isEqualTo(expected);
		assertThat(sentByFirst).as("sent by the first instance").isPositive();
		assertThat(sentBySecond).as("sent by the second instance").isPositive();
	}

	@Test
	@Order(2)
	void sharesThePartitionsAndMakesOneFollowUpPerEventAlsoWhileAnInstanceLeaves() throws Exception {
		await().atMost(TIMEOUT).untilAsserted(() -> {
			Set<TopicPartition> ofFirst = first.assignedPartitions();
			Set<TopicPartition> ofSecond = second.assignedPartitions();
			assertThat(ofFirst).as("partitions of the first instance").isNotEmpty();
			assertThat(ofSecond).as("partitions of the second instance").isNotEmpty().doesNotContainAnyElementsOf(ofFirst);
			Set<TopicPartition> all = new HashSet<>(ofFirst);
			all.addAll(ofSecond);
			assertThat(all).isEqualTo(allPartitions());
		});

		List<Event> events = new ArrayList<>();
		try (KafkaProducer<String, String> producer = AssessmentCompletedEvents
			.producer(Infrastructure.kafka().bootstrapServers())) {
			for (int i = 0; i < 30; i++) {
				events.add(send(producer));
			}
			await().atMost(TIMEOUT).until(() -> followUps(events) == events.size());
			assertThat(first.handledEvents()).as("events handled by the first instance").isPositive();
			assertThat(second.handledEvents()).as("events handled by the second instance").isPositive();

			// the second instance goes away (a scale-down, a rolling update); events keep coming meanwhile
			second.context().close();
			List<Event> later = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				later.add(send(producer));
			}
			events.addAll(later);

			await().atMost(TIMEOUT).untilAsserted(() -> assertThat(first.assignedPartitions()).isEqualTo(allPartitions()));
			await().atMost(TIMEOUT).until(() -> followUps(events) == events.size());
		}
		assertThat(processedEvents(events)).isEqualTo(events.size());
		// an event handled twice would have invited its client twice
		await().atMost(TIMEOUT).until(() -> pendingEmails() == 0 && invitations(events) >= events.size());
		for (Event event : events) {
			assertThat(mail.messagesTo(event.email())).as("invitations to %s", event.email())
				.singleElement()
				.extracting(ReceivedMail::subject)
				.isEqualTo("Book your free consultation");
		}
	}

	private static Set<TopicPartition> allPartitions() {
		Set<TopicPartition> all = new HashSet<>();
		for (int partition = 0; partition < PARTITIONS; partition++) {
			all.add(new TopicPartition(TOPIC, partition));
		}
		return all;
	}

	private static long pendingEmails() {
		return jdbc().sql("select count(*) from mail_outbox where status = 'PENDING'").query(Long.class).single();
	}

	private static long sentEmails() {
		return jdbc().sql("select count(*) from mail_outbox where status = 'SENT'").query(Long.class).single();
	}

	private static int received(List<User> clients, User therapist) {
		return clients.stream().mapToInt((client) -> mail.messagesTo(client.email()).size()).sum()
				+ mail.messagesTo(therapist.email()).size();
	}

	private static long followUps(List<Event> events) {
		return jdbc().sql("select count(*) from follow_ups where event_id in (:ids)")
			.param("ids", events.stream().map(Event::id).toList())
			.query(Long.class)
			.single();
	}

	private static long processedEvents(List<Event> events) {
		return jdbc().sql("select count(*) from processed_events where event_id in (:ids)")
			.param("ids", events.stream().map(Event::id).toList())
			.query(Long.class)
			.single();
	}

	private static int invitations(List<Event> events) {
		return events.stream().mapToInt((event) -> mail.messagesTo(event.email()).size()).sum();
	}

	private static JdbcClient jdbc() {
		return first.context().getBean(JdbcClient.class);
	}

	/** Sends a completed assessment of a new client, keyed by the client as assessment-service does. */
	private static Event send(KafkaProducer<String, String> producer) throws Exception {
		UUID client = UUID.randomUUID();
		Event event = new Event(UUID.randomUUID().toString(), "scale-" + client + "@mutuality.test");
		Map<String, Object> data = AssessmentCompletedEvents.data(client, "BOOK_FREE_CONSULTATION", List.of());
		data.put("clientName", "Scale Client");
		data.put("clientEmail", event.email());
		producer.send(AssessmentCompletedEvents.record(TOPIC, client, event.id(), Http.json(data))).get();
		return event;
	}

	private record Event(String id, String email) {
	}

	/**
	 * One running instance of the application.
	 */
	private record Instance(ConfigurableApplicationContext context, Http http) {

		static Instance start() {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(BookingServiceApplication.class)
				.initializers((ctx) -> ((GenericApplicationContext) ctx).registerBean("clock", Clock.class,
						() -> clock))
				.run(arguments());
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			return new Instance(context, new Http(port));
		}

		/** Command-line arguments, so that they win over application.yaml as the environment's settings would. */
		private static String[] arguments() {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("server.port", 0);
			properties.put("spring.datasource.url", database.jdbcUrl());
			properties.put("spring.datasource.username", database.username());
			properties.put("spring.datasource.password", database.password());
			properties.put("spring.kafka.bootstrap-servers", Infrastructure.kafka().bootstrapServers());
			properties.put("spring.kafka.consumer.group-id", "booking-service-scale-out-" + RUN);
			properties.put("mutuality.booking.follow-ups.topic", TOPIC);
			properties.putAll(TestUsers.identityProviderProperties());
			properties.putAll(mail.properties());
			// small batches every 100 ms, so that the two senders take turns on a backlog
			properties.put("mutuality.booking.notifications.sender.interval", "100ms");
			properties.put("mutuality.booking.notifications.sender.batch-size", 4);
			properties.put("mutuality.booking.notifications.sender.initial-backoff", "1s");
			properties.put("mutuality.booking.notifications.sender.max-backoff", "4s");
			// the JVM's broker logs through the same logging system as the instances
			properties.put("logging.level.org.apache.kafka", "WARN");
			properties.put("logging.level.kafka", "WARN");
			properties.put("logging.level.state.change.logger", "WARN");
			properties.put("spring.main.banner-mode", "off");
			return properties.entrySet()
				.stream()
				.map((property) -> "--" + property.getKey() + "=" + property.getValue())
				.toArray(String[]::new);
		}

		Set<TopicPartition> assignedPartitions() {
			MessageListenerContainer container = this.context.getBean(KafkaListenerEndpointRegistry.class)
				.getListenerContainer("follow-ups");
			assertThat(container).isNotNull();
			return new HashSet<>(container.getAssignedPartitions());
		}

		/** Records the follow-up listener handled, from its observation's timer. */
		long handledEvents() {
			return this.context.getBean(MeterRegistry.class)
				.find("spring.kafka.listener")
				.timers()
				.stream()
				.mapToLong(Timer::count)
				.sum();
		}

		double counter(String name) {
			return this.context.getBean(MeterRegistry.class)
				.find(name)
				.counters()
				.stream()
				.mapToDouble(Counter::count)
				.sum();
		}

	}

	/** A clock both instances read, which the test sets forward as time passing. */
	private static final class MovableClock extends Clock {

		private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

		void setTo(Instant now) {
			this.offset.set(Duration.between(Instant.now(), now));
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return Instant.now().plus(this.offset.get());
		}

	}

}
