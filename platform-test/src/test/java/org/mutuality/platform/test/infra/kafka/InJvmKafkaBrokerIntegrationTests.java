package org.mutuality.platform.test.infra.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.mutuality.platform.test.infra.Infrastructure;
import org.mutuality.platform.test.infra.support.Ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class InJvmKafkaBrokerIntegrationTests {

	@Test
	void deliversRecordsAndConsumerGroupsContinueAfterARestart() throws Exception {
		KafkaServer kafka = Infrastructure.kafka();
		String topic = "restart-" + UUID.randomUUID();
		String group = "group-" + UUID.randomUUID();
		String bootstrapServers = kafka.bootstrapServers();
		createTopic(bootstrapServers, topic);

		try (KafkaProducer<String, String> producer = producer(bootstrapServers)) {
			send(producer, topic, "one", "two", "three");
		}
		try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers, group)) {
			consumer.subscribe(List.of(topic));
			assertThat(pollUntil(consumer, 3)).containsExactly("one", "two", "three");
			consumer.commitSync();
		}
		try (KafkaConsumer<String, String> waiting = consumer(bootstrapServers, "live-" + group)) {
			waiting.subscribe(List.of(topic));
			assertThat(pollUntil(waiting, 3)).containsExactly("one", "two", "three");
			waiting.commitSync();

			kafka.stop();
			assertThat(kafka.isRunning()).isFalse();
			kafka.start();

			assertThat(kafka.isRunning()).isTrue();
			assertThat(kafka.bootstrapServers()).isEqualTo(bootstrapServers);
			try (KafkaProducer<String, String> producer = producer(bootstrapServers)) {
				send(producer, topic, "four", "five");
			}
			assertThat(pollUntil(waiting, 2)).as("a consumer open across the restart goes on")
				.containsExactly("four", "five");
		}
		finally {
			kafka.start();
		}
		try (KafkaConsumer<String, String> resumed = consumer(bootstrapServers, group)) {
			resumed.subscribe(List.of(topic));
			assertThat(pollUntil(resumed, 2)).as("the group's committed offset survived")
				.containsExactly("four", "five");
		}
		try (KafkaConsumer<String, String> fresh = consumer(bootstrapServers, "fresh-" + group)) {
			fresh.subscribe(List.of(topic));
			assertThat(pollUntil(fresh, 5)).as("the records survived")
				.containsExactly("one", "two", "three", "four", "five");
		}
	}

	@Test
	void keepsTopicsInItsLogDirectoryOnFixedPorts(@TempDir Path log) throws Exception {
		int port = Ports.freePort();
		int controllerPort = Ports.freePort();
		try (InJvmKafkaBroker broker = broker(port, controllerPort, log)) {
			assertThat(broker.bootstrapServers()).isEqualTo("localhost:" + port);
			createTopic(broker.bootstrapServers(), "kept");
			try (KafkaProducer<String, String> producer = producer(broker.bootstrapServers())) {
				send(producer, "kept", "across", "runs");
			}
		}
		assertThat(Ports.isFree(port)).isTrue();
		assertThat(Ports.isFree(controllerPort)).isTrue();

		try (InJvmKafkaBroker again = broker(port, controllerPort, log);
				KafkaConsumer<String, String> consumer = consumer(again.bootstrapServers(), "reader")) {
			consumer.subscribe(List.of("kept"));
			assertThat(pollUntil(consumer, 2)).containsExactly("across", "runs");
		}
	}

	private static InJvmKafkaBroker broker(int port, int controllerPort, Path log) {
		return InJvmKafkaBroker.builder().port(port).controllerPort(controllerPort).logDirectory(log).build().start();
	}

	private static void createTopic(String bootstrapServers, String topic) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			admin.createTopics(Set.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
		}
	}

	private static KafkaProducer<String, String> producer(String bootstrapServers) {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
	}

	private static void send(KafkaProducer<String, String> producer, String topic, String... values)
			throws Exception {
		for (String value : values) {
			producer.send(new ProducerRecord<>(topic, value)).get(30, TimeUnit.SECONDS);
		}
	}

	private static KafkaConsumer<String, String> consumer(String bootstrapServers, String group) {
		return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(),
				new StringDeserializer());
	}

	private static List<String> pollUntil(KafkaConsumer<String, String> consumer, int count) {
		List<String> values = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
				values.add(record.value());
			}
			return values.size() >= count;
		});
		return values;
	}

}
