package org.mutuality.platform.test.infra;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Turns the in-JVM Kafka broker's own loggers down to warnings, so that a test's log shows the application's Kafka
 * client and not the broker's start-up and housekeeping.
 */
final class BrokerLogging {

	private static final String[] BROKER_LOGGERS = { "kafka", "state.change.logger", "org.apache.kafka.server",
			"org.apache.kafka.controller", "org.apache.kafka.raft", "org.apache.kafka.metadata",
			"org.apache.kafka.image", "org.apache.kafka.storage", "org.apache.kafka.coordinator",
			"org.apache.kafka.queue", "org.apache.kafka.snapshot", "org.apache.kafka.security",
			"org.apache.kafka.network" };

	private BrokerLogging() {
	}

	static void quieten() {
		try {
			LoggingSystem system = LoggingSystem.get(BrokerLogging.class.getClassLoader());
			for (String logger : BROKER_LOGGERS) {
				system.setLogLevel(logger, LogLevel.WARN);
			}
		}
		catch (RuntimeException ex) {
			// no logging system Spring Boot knows: the broker logs as configured
		}
	}

}
