package org.mutuality.platform.test.infra.kafka;

import org.mutuality.platform.test.infra.support.DockerEngine;

/**
 * A running single-node Kafka cluster that can be stopped and started again on the same address with its data kept:
 * topics, records and consumer group offsets survive a {@link #stop()} and {@link #start()}, so a test can show that
 * nothing is lost while the broker is away.
 */
public interface KafkaServer extends AutoCloseable {

	/** The {@code bootstrap.servers} value, {@code host:port}; the same before and after a restart. */
	String bootstrapServers();

	/**
	 * Starts the broker again after {@link #stop()}; returns when it accepts clients. Does nothing if it runs.
	 * @return this server
	 */
	KafkaServer start();

	/** Stops the broker, keeping its data; does nothing if it is stopped. */
	void stop();

	/** Whether the broker is running. */
	boolean isRunning();

	/** Stops the broker for good and releases what it holds. */
	@Override
	void close();

	/**
	 * A broker for tests in this JVM: the official {@code apache/kafka} image when a Docker engine is available,
	 * otherwise an {@link InJvmKafkaBroker} on free ports with its log in a temporary directory.
	 */
	static KafkaServer startForTests() {
		if (DockerEngine.isAvailable()) {
			return ContainerKafkaServer.run();
		}
		return InJvmKafkaBroker.builder().build().start();
	}

}
