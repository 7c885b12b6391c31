package org.mutuality.booking.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.mutuality.booking.config.BookingProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The follow-up consumer's error handling: passing faults are retried in place with exponential
 * back-off (0.5 s doubling to 10 s, for up to two minutes); a record that cannot be read, or one
 * still failing after that, is published to {@code assessment.completed.v1.DLT} with the failure in
 * its headers, and the consumer goes on with the next record. Spring Boot wires the error handler
 * bean into the listener container. The topics are created if missing (the DLT with the
 * recoverer letting Kafka pick its partition, so its partition count does not matter).
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

	@Bean
	CommonErrorHandler followUpsErrorHandler(KafkaOperations<?, ?> kafka, BookingProperties properties) {
		String deadLetterTopic = properties.followUps().deadLetterTopic();
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(deadLetterTopic, -1));
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
		backOff.setMaxInterval(10_000);
		backOff.setMaxElapsedTime(120_000);
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.addNotRetryableExceptions(UnreadableEventException.class);
		return handler;
	}

	@Bean
	NewTopic assessmentCompletedTopic(BookingProperties properties) {
		return TopicBuilder.name(properties.followUps().topic()).partitions(3).build();
	}

	@Bean
	NewTopic assessmentCompletedDeadLetterTopic(BookingProperties properties) {
		return TopicBuilder.name(properties.followUps().deadLetterTopic()).partitions(1).build();
	}

}
