package org.mutuality.platform.test.infra.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Whether Testcontainers can reach a Docker engine, asked once per JVM. Without one, Testcontainers logs an ERROR
 * with every strategy it tried; that is the expected case on this project's machines, so it is replaced by one line.
 */
public final class DockerEngine {

	private static final Logger logger = LoggerFactory.getLogger(DockerEngine.class);

	private static final String STRATEGY_LOGGER = "org.testcontainers.dockerclient";

	private static Boolean available;

	private DockerEngine() {
	}

	/** Whether a Docker engine is available, so the backends come from the official images. */
	public static synchronized boolean isAvailable() {
		if (available == null) {
			LoggingSystem logging = loggingSystem();
			setLevel(logging, LogLevel.OFF);
			try {
				available = DockerClientFactory.instance().isDockerAvailable();
			}
			finally {
				setLevel(logging, null);
			}
			logger.info((available) ? "Docker engine found: test infrastructure from the official images"
					: "No Docker engine: embedded PostgreSQL, in-JVM Kafka and the Keycloak distribution for tests");
		}
		return available;
	}

	private static LoggingSystem loggingSystem() {
		try {
			return LoggingSystem.get(DockerEngine.class.getClassLoader());
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static void setLevel(LoggingSystem logging, LogLevel level) {
		if (logging != null) {
			try {
				logging.setLogLevel(STRATEGY_LOGGER, level);
			}
			catch (RuntimeException ex) {
				// leave Testcontainers' logging as it is
			}
		}
	}

}
