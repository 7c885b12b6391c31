package org.mutuality.booking.followups;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.booking.support.AssessmentCompletedEvents;
import org.mutuality.booking.support.BookingServiceIntegrationTest;
import org.mutuality.booking.support.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Completed assessments from Kafka become follow-ups: once per event however often it is delivered,
 * URGENT with risk flags, none when self-guided; unreadable records go to the dead-letter topic and
 * the consumer goes on.
 */
class FollowUpEventsIntegrationTests extends BookingServiceIntegrationTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Value("${spring.kafka.bootstrap-servers}")
	private String bootstrapServers;

	@Autowired
	private FollowUpRepository followUps;

	@Autowired
	private JdbcClient jdbc;

	private KafkaProducer<String, String> producer;

	@BeforeEach
	void producer() {
		this.producer = AssessmentCompletedEvents.producer(this.bootstrapServers);
	}

	@AfterEach
	void closeProducer() {
		this.producer.close();
	}

	@Test
	void makesOneFollowUpOfAnEventDeliveredThreeTimes() throws Exception {
		UUID client = UUID.randomUUID();
		String eventId = UUID.randomUUID().toString();
		String data = data(client, "BOOK_FREE_CONSULTATION", List.of());

		for (int i = 0; i < 3; i++) {
			send(client, eventId, data);
		}
		String marker = UUID.randomUUID().toString();
		send(client, marker, data(client, "SELF_GUIDED", List.of()));

		await().atMost(TIMEOUT).until(() -> processed(marker));
		List<FollowUp> made = ofClient(client);
		assertThat(made).hasSize(1);
		assertThat(made.get(0).getEventId()).isEqualTo(eventId);
		assertThat(made.get(0).getPriority()).isEqualTo(FollowUpPriority.ROUTINE);
		assertThat(made.get(0).getStatus()).isEqualTo(FollowUpStatus.OPEN);
		assertThat(made.get(0).getClientName()).isEqualTo("Test Client");
	}

	@Test
	void makesAnUrgentFollowUpWhenRiskFlagsAreSetAndNoneWhenSelfGuided() throws Exception {
		UUID urgentClient = UUID.randomUUID();
		UUID selfGuidedClient = UUID.randomUUID();
		String selfGuided = UUID.randomUUID().toString();

		send(urgentClient, UUID.randomUUID().toString(), data(urgentClient, "URGENT_SUPPORT", List.of("SELF_HARM_RISK")));
		send(selfGuidedClient, selfGuided, data(selfGuidedClient, "SELF_GUIDED", List.of()));

		await().atMost(TIMEOUT).until(() -> ofClient(urgentClient).size() == 1);
		FollowUp urgent = ofClient(urgentClient).get(0);
		assertThat(urgent.getPriority()).isEqualTo(FollowUpPriority.URGENT);
		assertThat(urgent.getRiskFlags()).containsExactly("SELF_HARM_RISK");
		await().atMost(TIMEOUT).until(() -> processed(selfGuided));
		assertThat(ofClient(selfGuidedClient)).isEmpty();
	}

	@Test
	void sendsAnUnreadableRecordToTheDeadLetterTopicAndGoesOn() throws Exception {
		UUID client = UUID.randomUUID();
		String poisonId = UUID.randomUUID().toString();
		try (KafkaConsumer<String, String> deadLetters = deadLetterConsumer()) {
			send(client, poisonId, "{ this is not json");
			ProducerRecord<String, String> withoutEventId = AssessmentCompletedEvents.record(client,
					UUID.randomUUID().toString(), data(client, "BOOK_FREE_CONSULTATION", List.of()));
			withoutEventId.headers().remove("ce_id");
			send(withoutEventId);
			String good = UUID.randomUUID().toString();
			send(client, good, data(client, "BOOK_FREE_CONSULTATION", List.of()));

			await().atMost(TIMEOUT).until(() -> ofClient(client).size() == 1);
			assertThat(ofClient(client).get(0).getEventId()).isEqualTo(good);
			List<ConsumerRecord<String, String>> dead = new ArrayList<>();
			await().atMost(TIMEOUT).untilAsserted(() -> {
				deadLetters.poll(Duration.ofMillis(200)).forEach(dead::add);
				assertThat(dead).filteredOn((record) -> client.toString().equals(record.key())).hasSize(2);
			});
			ConsumerRecord<String, String> poison = dead.stream()
				.filter((record) -> "{ this is not json".equals(record.value()))
				.findFirst()
				.orElseThrow();
			assertThat(new String(poison.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
				.isEqualTo(poisonId);
			assertThat(poison.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
		}
	}

	@Test
	void tellsTherapistsWhetherTheClientAgreedToBeContacted() throws Exception {
		UUID agreed = UUID.randomUUID();
		UUID declined = UUID.randomUUID();
		Map<String, Object> withoutConsent = AssessmentCompletedEvents.data(declined, "BOOK_FREE_CONSULTATION", List.of());
		withoutConsent.put("consentToContact", false);
		send(agreed, UUID.randomUUID().toString(), data(agreed, "BOOK_FREE_CONSULTATION", List.of()));
		send(declined, UUID.randomUUID().toString(), Http.json(withoutConsent));
		await().atMost(TIMEOUT).until(() -> ofClient(agreed).size() == 1 && ofClient(declined).size() == 1);

		var queue = this.http.get("/api/follow-ups?status=OPEN&size=100", newTherapist().token()).expect(200);
		Map<String, Boolean> consent = new java.util.HashMap<>();
		queue.path("items")
			.valueStream()
			.forEach((item) -> consent.put(item.path("clientId").asString(), item.path("consentToContact").asBoolean()));
		assertThat(consent).containsEntry(agreed.toString(), true).containsEntry(declined.toString(), false);
	}

	@Test
	void showsTheQueueUrgentFirstAndLetsTherapistsClaimAndClose() throws Exception {
		UUID client = UUID.randomUUID();
		send(client, UUID.randomUUID().toString(), data(client, "BOOK_FREE_CONSULTATION", List.of()));
		send(client, UUID.randomUUID().toString(), data(client, "URGENT_SUPPORT", List.of("SELF_HARM_RISK")));
		await().atMost(TIMEOUT).until(() -> ofClient(client).size() == 2);
		User therapist = newTherapist();
		User otherTherapist = newTherapist();

		var queue = this.http.get("/api/follow-ups?status=OPEN&size=100", therapist.token()).expect(200);
		List<String> priorities = new ArrayList<>();
		queue.path("items").valueStream().forEach((item) -> priorities.add(item.path("priority").asString()));
		assertThat(priorities).isSortedAccordingTo((a, b) -> Boolean.compare(!"URGENT".equals(a), !"URGENT".equals(b)));
		FollowUp routine = ofClient(client).stream()
			.filter((followUp) -> followUp.getPriority() == FollowUpPriority.ROUTINE)
			.findFirst()
			.orElseThrow();
		String path = "/api/follow-ups/" + routine.getId();

		this.http.post(path + "/close", therapist.token(), "{\"outcome\": \"x\"}").expectProblem(409);
		var claimed = this.http.post(path + "/claim", therapist.token(), null).expect(200);
		assertThat(claimed.path("status").asString()).isEqualTo("CLAIMED");
		assertThat(claimed.path("claimedBy").asString()).isEqualTo(therapist.id().toString());
		this.http.post(path + "/claim", therapist.token(), null).expect(200);
		assertThat(this.http.post(path + "/claim", otherTherapist.token(), null).expectProblem(409).path("type")
			.asString()).isEqualTo("/problems/follow-up-claimed");
		this.http.post(path + "/close", otherTherapist.token(), "{\"outcome\": \"x\"}").expectProblem(409);
		this.http.post(path + "/close", therapist.token(), "{}").expectProblem(400);
		var closed = this.http.post(path + "/close", therapist.token(), "{\"outcome\": \"Called, referred to GP\"}")
			.expect(200);
		assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
		this.http.post(path + "/claim", therapist.token(), null).expectProblem(409);
		this.http.post("/api/follow-ups/" + UUID.randomUUID() + "/claim", therapist.token(), null).expectProblem(404);
	}

	@Test
	void showsAClientTheirOwnFollowUpsAndMarksOneBookedWhenTheyBookWithIt() throws Exception {
		User client = newClient();
		User stranger = newClient();
		send(client.id(), UUID.randomUUID().toString(), data(client.id(), "BOOK_FREE_CONSULTATION", List.of()));
		await().atMost(TIMEOUT).until(() -> ofClient(client.id()).size() == 1);
		String followUpId = ofClient(client.id()).get(0).getId().toString();
		User therapist = newTherapist();
		createProfile(therapist, "Europe/London");
		everyDay(therapist, "Europe/London", "09:00", "17:00");
		java.time.ZoneId london = java.time.ZoneId.of("Europe/London");
		String start = java.time.LocalDate.now(london).plusDays(5).atTime(10, 0).atZone(london).toOffsetDateTime()
			.toString();

		var mine = this.http.get("/api/follow-ups/mine", client.token()).expect(200);
		assertThat(mine.path("items")).hasSize(1);
		assertThat(mine.path("items").get(0).path("id").asString()).isEqualTo(followUpId);
		assertThat(this.http.get("/api/follow-ups/mine", stranger.token()).expect(200).path("items")).isEmpty();
		String body = Http.json(Map.of("therapistId", therapist.id(), "start", start, "followUpId", followUpId));
		this.http.post("/api/bookings", stranger.token(), body).expectProblem(400);
		String unknown = Http.json(Map.of("therapistId", therapist.id(), "start", start, "followUpId", UUID.randomUUID()));
		this.http.post("/api/bookings", client.token(), unknown).expectProblem(400);

		String bookingId = this.http.post("/api/bookings", client.token(), body).expect(201).path("id").asString();

		FollowUp booked = this.followUps.findById(UUID.fromString(followUpId)).orElseThrow();
		assertThat(booked.getStatus()).isEqualTo(FollowUpStatus.BOOKED);
		assertThat(booked.getBookingId()).hasToString(bookingId);
		this.http.post("/api/bookings/" + bookingId + "/cancel", client.token(), null).expect(200);
		assertThat(this.followUps.findById(UUID.fromString(followUpId)).orElseThrow().getStatus())
			.isEqualTo(FollowUpStatus.OPEN);
	}

	private void send(UUID client, String eventId, String data) throws Exception {
		send(AssessmentCompletedEvents.record(client, eventId, data));
	}

	private void send(ProducerRecord<String, String> record) throws Exception {
		this.producer.send(record).get();
	}

	private static String data(UUID client, String recommendation, List<String> riskFlags) {
		return Http.json(AssessmentCompletedEvents.data(client, recommendation, riskFlags));
	}

	private KafkaConsumer<String, String> deadLetterConsumer() {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-test-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new StringDeserializer());
		consumer.subscribe(List.of(AssessmentCompletedEvents.TOPIC + ".DLT"));
		return consumer;
	}

	private boolean processed(String eventId) {
		return this.jdbc.sql("select count(*) from processed_events where event_id = ?")
			.param(eventId)
			.query(Long.class)
			.single() == 1;
	}

	private List<FollowUp> ofClient(UUID client) {
		return this.followUps.findByClientId(client, org.springframework.data.domain.Pageable.unpaged()).getContent();
	}

}
