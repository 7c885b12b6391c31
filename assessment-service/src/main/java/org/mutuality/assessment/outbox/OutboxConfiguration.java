package org.mutuality.assessment.outbox;

import java.time.Clock;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay's Kafka producer (Spring Boot's {@code spring.kafka.*} settings, with idempotence and
 * {@code acks=all} enforced whatever they say), the relay itself and the backlog gauges.
 */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

	@Bean
	ProducerFactory<String, byte[]> outboxProducerFactory(KafkaProperties kafka) {
		Map<String, Object> producer = kafka.buildProducerProperties();
		producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		producer.put(ProducerConfig.ACKS_CONFIG, "all");
		return new DefaultKafkaProducerFactory<>(producer);
	}

	@Bean
	KafkaTemplate<String, byte[]> outboxKafkaTemplate(ProducerFactory<String, byte[]> outboxProducerFactory) {
		KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(outboxProducerFactory);
		// no observation: it would write the relay thread's trace over the one each event carries
		template.setObservationEnabled(false);
		return template;
	}

	@Bean
	OutboxRelay outboxRelay(OutboxRepository repository, KafkaTemplate<String, byte[]> outboxKafkaTemplate,
			PlatformTransactionManager transactionManager, OutboxProperties properties, Clock clock,
			MeterRegistry meters) {
		return new OutboxRelay(repository, outboxKafkaTemplate, new TransactionTemplate(transactionManager),
				properties, clock, meters);
	}

	@Bean
	OutboxMetrics outboxMetrics(OutboxRepository repository, Clock clock) {
		return new OutboxMetrics(repository, clock);
	}

}
