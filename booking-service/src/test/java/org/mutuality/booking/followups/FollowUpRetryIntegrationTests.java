package org.mutuality.booking.followups;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.mutuality.booking.support.AssessmentCompletedEvents;
import org.mutuality.booking.support.BookingServiceIntegrationTest;
import org.mutuality.booking.support.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.data.domain.Pageable;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.willAnswer;

/**
 * A passing fault (the database away for a moment) is retried with back-off, and the event still
 * makes exactly one follow-up.
 */
class FollowUpRetryIntegrationTests extends BookingServiceIntegrationTest {

	@Value("${spring.kafka.bootstrap-servers}")
	private String bootstrapServers;

	@MockitoSpyBean
	private FollowUpService followUpService;

	@Autowired
	private FollowUpRepository followUps;

	@Test
	void retriesAPassingFaultAndMakesOneFollowUp() throws Exception {
		UUID client = UUID.randomUUID();
		String eventId = UUID.randomUUID().toString();
		AtomicInteger attempts = new AtomicInteger();
		willAnswer((invocation) -> {
			if (attempts.incrementAndGet() <= 2) {
				throw new TransientDataAccessResourceException("The database is away for a moment");
			}
			return invocation.callRealMethod();
		}).given(this.followUpService).assessmentCompleted(argThat((event) -> eventId.equals(event.eventId())));

		String data = Http.json(AssessmentCompletedEvents.data(client, "BOOK_FREE_CONSULTATION", List.of()));
		try (KafkaProducer<String, String> producer = AssessmentCompletedEvents.producer(this.bootstrapServers)) {
			producer.send(AssessmentCompletedEvents.record(client, eventId, data)).get();
		}

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.followUps.findByClientId(client, Pageable.unpaged()).getTotalElements() == 1);
		assertThat(attempts).hasValue(3);
		assertThat(this.followUps.findByClientId(client, Pageable.unpaged()).getContent()).singleElement()
			.satisfies((followUp) -> assertThat(followUp.getEventId()).isEqualTo(eventId));
	}

}
