package org.mutuality.booking.messaging;

import java.net.ConnectException;
import java.sql.SQLTransientException;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.mutuality.booking.config.BookingProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The follow-up consumer's error handling. A record that cannot be read goes to
 * {@code assessment.completed.v1.DLT} at once, with the failure in its headers, and the consumer goes
 * on with the next record. A passing fault of the database (connection refused, no transaction
 * possible, a transient SQL error) is retried in place with exponential back-off (0.5 s doubling to
 * 10 s) for as long as it lasts, so that an outage delays follow-ups but loses none. Any other
 * failure is retried the same way for up to two minutes, then dead-lettered so that one bad record
 * cannot stop its partition for good. Spring Boot wires the error handler bean into the listener
 * container. The topics are created if missing (the dead letters go to a partition Kafka picks, so
 * the DLT's partition count does not matter).
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

	private static final long MAX_INTERVAL_MILLIS = 10_000;

	@Bean
	CommonErrorHandler followUpsErrorHandler(KafkaOperations<?, ?> kafka, BookingProperties properties) {
		String deadLetterTopic = properties.followUps().deadLetterTopic();
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(deadLetterTopic, -1));
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff(120_000));
		BackOff whileItLasts = backOff(Long.MAX_VALUE);
		handler.setBackOffFunction((record, ex) -> isPassingFault(ex) ? whileItLasts : null);
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

	private static ExponentialBackOff backOff(long maxElapsedMillis) {
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
		backOff.setMaxInterval(MAX_INTERVAL_MILLIS);
		backOff.setMaxElapsedTime(maxElapsedMillis);
		return backOff;
	}

	/** A failure of the infrastructure that goes away by itself: the database down or overloaded. */
	static boolean isPassingFault(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
					|| cause instanceof DataAccessResourceFailureException
					|| cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientException
					|| cause instanceof ConnectException) {
				return true;
			}
		}
		return false;
	}

}
