package org.mutuality.assessment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import static org.awaitility.Awaitility.await;

/**
 * Reads a topic from its beginning as a consumer would (no group, every partition), for tests that
 * check what was published. {@link #readToEnd()} proves that nothing more is on the topic: it writes
 * a marker to every partition and reads until it has seen them all, so any record written before
 * it (a duplicate included) has been read.
 */
public final class TopicReader implements AutoCloseable {

	private static final String MARKER_KEY_PREFIX = "test-marker-";

	private final String bootstrapServers;

	private final String topic;

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

	public TopicReader(String bootstrapServers, String topic) {
		this.bootstrapServers = bootstrapServers;
		this.topic = topic;
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		this.consumer = new KafkaConsumer<>(properties);
	}

	/** Every record read so far, markers excluded. */
	public List<ConsumerRecord<String, byte[]>> records() {
		return this.records.stream().filter((record) -> !isMarker(record)).toList();
	}

	/** Polls until a record matching the predicate has been read, and returns it. */
	public ConsumerRecord<String, byte[]> awaitRecord(Predicate<ConsumerRecord<String, byte[]>> predicate) {
		assignAll();
		return await().atMost(Duration.ofSeconds(60)).until(() -> {
			poll();
			return records().stream().filter(predicate).findFirst().orElse(null);
		}, (found) -> found != null);
	}

	/** Polls until at least {@code count} records match the predicate. */
	public void awaitCount(Predicate<ConsumerRecord<String, byte[]>> predicate, int count, Duration atMost) {
		assignAll();
		await().atMost(atMost).until(() -> {
			poll();
			return records().stream().filter(predicate).count() >= count;
		});
	}

	/** Reads everything on the topic up to now (see the class description) and returns it. */
	public List<ConsumerRecord<String, byte[]>> readToEnd() {
		assignAll();
		Set<String> markers = new HashSet<>();
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(),
				new ByteArraySerializer())) {
			for (PartitionInfo partition : this.consumer.partitionsFor(this.topic)) {
				String key = MARKER_KEY_PREFIX + UUID.randomUUID();
				markers.add(key);
				producer.send(new ProducerRecord<>(this.topic, partition.partition(), key, new byte[0]));
			}
			producer.flush();
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			poll();
			Set<String> seen = new HashSet<>();
			this.records.stream().filter(TopicReader::isMarker).forEach((record) -> seen.add(record.key()));
			return seen.containsAll(markers);
		});
		return records();
	}

	private void assignAll() {
		if (!this.consumer.assignment().isEmpty()) {
			return;
		}
		List<PartitionInfo> partitions = await().atMost(Duration.ofSeconds(60))
			.until(() -> this.consumer.partitionsFor(this.topic), (found) -> found != null && !found.isEmpty());
		List<TopicPartition> assigned = partitions.stream()
			.map((partition) -> new TopicPartition(this.topic, partition.partition()))
			.toList();
		this.consumer.assign(assigned);
		this.consumer.seekToBeginning(assigned);
	}

	private void poll() {
		this.consumer.poll(Duration.ofMillis(200)).forEach(this.records::add);
	}

	private static boolean isMarker(ConsumerRecord<String, byte[]> record) {
		return record.key() != null && record.key().startsWith(MARKER_KEY_PREFIX);
	}

	/** The record's headers as strings, by name (the last value of a repeated header). */
	public static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
		Map<String, String> headers = new java.util.LinkedHashMap<>();
		record.headers()
			.forEach((header) -> headers.put(header.key(),
					new String(header.value(), java.nio.charset.StandardCharsets.UTF_8)));
		return headers;
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
