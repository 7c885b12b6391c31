package org.mutuality.platform.test.infra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ConfigurableApplicationContext;

import org.mutuality.platform.test.infra.kafka.KafkaServer;
import org.mutuality.platform.test.infra.keycloak.KeycloakServer;
import org.mutuality.platform.test.infra.postgres.PostgresServer;
import org.mutuality.platform.test.infra.support.DockerEngine;

/**
 * The programmatic way to the JVM's test infrastructure, for tests without a Spring context (Spring tests use
 * {@link PostgresDatabase @PostgresDatabase}, {@link KafkaBroker @KafkaBroker} and {@link KeycloakRealm @KeycloakRealm},
 * which call this class). Each backend is started on first use, once per JVM, and stopped when the JVM exits.
 *
 * <pre>{@code
 * Database db = Infrastructure.postgres().createDatabase("scoring");
 * String bootstrapServers = Infrastructure.kafka().bootstrapServers();
 * String token = Infrastructure.keycloak().passwordToken("client1");
 * }</pre>
 */
public final class Infrastructure {

	private static final Logger logger = LoggerFactory.getLogger(Infrastructure.class);

	private static final Duration CONTEXTS_CLOSE_TIMEOUT = Duration.ofSeconds(20);

	private static final Shared<PostgresServer> POSTGRES = new Shared<>("PostgreSQL", PostgresServer::startForTests);

	private static final Shared<KafkaServer> KAFKA = new Shared<>("Kafka", () -> {
		BrokerLogging.quieten();
		return KafkaServer.startForTests();
	});

	private static final Shared<KeycloakServer> KEYCLOAK = new Shared<>("Keycloak", KeycloakServer::startForTests);

	private static final Set<ConfigurableApplicationContext> contexts = Collections
		.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

	private static final List<AutoCloseable> started = new ArrayList<>();

	private static boolean shutdownHookRegistered;

	private Infrastructure() {
	}

	/** The JVM's PostgreSQL server; ask it for a database of your own with {@code createDatabase(prefix)}. */
	public static PostgresServer postgres() {
		return POSTGRES.get();
	}

	/** The JVM's Kafka broker, shared by every test in the JVM. */
	public static KafkaServer kafka() {
		return KAFKA.get();
	}

	/** The JVM's Keycloak with the {@code mutuality} realm. */
	public static KeycloakServer keycloak() {
		return KEYCLOAK.get();
	}

	/** Whether the backends come from containers (a Docker engine is available) or are embedded. */
	public static boolean dockerAvailable() {
		return DockerEngine.isAvailable();
	}

	/** Remembers a Spring context that uses the infrastructure, so that it closes before the backends stop. */
	static void usedBy(ConfigurableApplicationContext context) {
		contexts.add(context);
	}

	private static synchronized void stopAtExit(AutoCloseable backend) {
		started.add(backend);
		if (!shutdownHookRegistered) {
			Runtime.getRuntime().addShutdownHook(new Thread(Infrastructure::stopAll, "mutuality-test-infrastructure"));
			shutdownHookRegistered = true;
		}
	}

	private static void stopAll() {
		awaitContextsClosed();
		List<AutoCloseable> backends;
		synchronized (Infrastructure.class) {
			backends = new ArrayList<>(started);
		}
		Collections.reverse(backends);
		for (AutoCloseable backend : backends) {
			try {
				backend.close();
			}
			catch (Exception ex) {
				logger.warn("Could not stop {}", backend, ex);
			}
		}
	}

	/** Spring closes its test contexts in its own shutdown hook, which runs at the same time as this one. */
	private static void awaitContextsClosed() {
		long deadline = System.nanoTime() + CONTEXTS_CLOSE_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			List<ConfigurableApplicationContext> open;
			synchronized (contexts) {
				open = contexts.stream().filter(ConfigurableApplicationContext::isActive).toList();
			}
			if (open.isEmpty()) {
				return;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** One backend, started on first use. */
	private static final class Shared<T extends AutoCloseable> {

		private final String name;

		private final Supplier<T> starter;

		private T instance;

		private RuntimeException failure;

		Shared(String name, Supplier<T> starter) {
			this.name = name;
			this.starter = starter;
		}

		synchronized T get() {
			if (this.instance != null) {
				return this.instance;
			}
			if (this.failure != null) {
				throw new IllegalStateException(this.name + " failed to start earlier in this JVM", this.failure);
			}
			long start = System.nanoTime();
			try {
				this.instance = this.starter.get();
			}
			catch (RuntimeException ex) {
				this.failure = ex;
				throw ex;
			}
			stopAtExit(this.instance);
			logger.info("{} for tests: {} (started in {} ms)", this.name, this.instance,
					Duration.ofNanos(System.nanoTime() - start).toMillis());
			return this.instance;
		}

	}

}
