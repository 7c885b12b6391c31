package org.mutuality.platform.test.infra.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import org.mutuality.platform.test.infra.support.Directories;
import org.mutuality.platform.test.infra.support.Ports;

/**
 * The Apache Kafka broker (KRaft, broker and controller in one node) running inside this JVM: for tests on free
 * ports with a temporary log directory, for the dev stack on fixed ports with a log directory kept between runs. It
 * listens on 127.0.0.1 and advertises {@code localhost}. {@link #stop()} and {@link #start()} keep the ports and the
 * log directory, so clients reconnect and consumer groups continue where they were.
 *
 * <pre>{@code
 * InJvmKafkaBroker kafka = InJvmKafkaBroker.builder().port(9092).controllerPort(9093).logDirectory(dir).build().start();
 * }</pre>
 */
public final class InJvmKafkaBroker implements KafkaServer {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

	private final int port;

	private final int controllerPort;

	private final Path logDirectory;

	private final boolean temporary;

	private final Map<String, String> overrides;

	private KafkaRaftServer server;

	private boolean closed;

	private InJvmKafkaBroker(Builder builder) {
		this.port = (builder.port != 0) ? builder.port : Ports.freePort();
		this.controllerPort = (builder.controllerPort != 0) ? builder.controllerPort : Ports.freePort();
		this.temporary = builder.logDirectory == null;
		this.logDirectory = this.temporary ? temporaryDirectory() : builder.logDirectory.toAbsolutePath();
		this.overrides = Map.copyOf(builder.overrides);
	}

	/** A builder; without options: free ports and a temporary log directory. */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Formats the log directory if it is new (no {@code meta.properties}), starts the broker and returns once it answers clients.
	 * @return this broker
	 */
	@Override
	public synchronized InJvmKafkaBroker start() {
		if (this.closed) {
			throw new IllegalStateException(this + " was closed");
		}
		if (this.server != null) {
			return this;
		}
		Properties config = config();
		format(config);
		KafkaRaftServer started = new KafkaRaftServer(new KafkaConfig(config), Time.SYSTEM);
		try {
			started.startup();
			awaitReady();
		}
		catch (RuntimeException ex) {
			started.shutdown();
			started.awaitShutdown();
			throw new IllegalStateException("Kafka broker did not start on port " + this.port + " (controller "
					+ this.controllerPort + ", log " + this.logDirectory + ")", ex);
		}
		this.server = started;
		return this;
	}

	@Override
	public synchronized void stop() {
		if (this.server == null) {
			return;
		}
		try {
			this.server.shutdown();
			this.server.awaitShutdown();
		}
		finally {
			this.server = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.server != null;
	}

	/** Stops the broker for good; deletes the log directory if it was a temporary one. */
	@Override
	public synchronized void close() {
		this.closed = true;
		stop();
		if (this.temporary) {
			Directories.deleteRecursively(this.logDirectory);
		}
	}

	@Override
	public String bootstrapServers() {
		return "localhost:" + this.port;
	}

	/** The client port. */
	public int port() {
		return this.port;
	}

	/** The KRaft controller's port. */
	public int controllerPort() {
		return this.controllerPort;
	}

	/** Where the broker keeps its log (and the metadata log). */
	public Path logDirectory() {
		return this.logDirectory;
	}

	@Override
	public String toString() {
		return "InJvmKafkaBroker[" + bootstrapServers() + ", controller=" + this.controllerPort + ", log="
				+ this.logDirectory + "]";
	}

	private Properties config() {
		Map<String, String> config = new LinkedHashMap<>();
		config.put("process.roles", "broker,controller");
		config.put("node.id", "1");
		config.put("controller.quorum.voters", "1@127.0.0.1:" + this.controllerPort);
		config.put("listeners", "PLAINTEXT://127.0.0.1:" + this.port + ",CONTROLLER://127.0.0.1:" + this.controllerPort);
		config.put("advertised.listeners", "PLAINTEXT://localhost:" + this.port);
		config.put("controller.listener.names", "CONTROLLER");
		config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		config.put("inter.broker.listener.name", "PLAINTEXT");
		config.put("log.dirs", this.logDirectory.toString());
		// one node: every internal topic has one replica, and one partition is plenty
		config.put("offsets.topic.replication.factor", "1");
		config.put("offsets.topic.num.partitions", "1");
		config.put("transaction.state.log.replication.factor", "1");
		config.put("transaction.state.log.min.isr", "1");
		config.put("transaction.state.log.num.partitions", "1");
		config.put("share.coordinator.state.topic.replication.factor", "1");
		config.put("share.coordinator.state.topic.min.isr", "1");
		config.put("share.coordinator.state.topic.num.partitions", "1");
		config.put("group.initial.rebalance.delay.ms", "0");
		// small footprint: a laptop runs this beside five JVMs
		config.put("num.network.threads", "2");
		config.put("num.io.threads", "2");
		config.put("num.recovery.threads.per.data.dir", "1");
		config.put("background.threads", "2");
		config.put("log.cleaner.threads", "1");
		config.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
		config.putAll(this.overrides);
		Properties properties = new Properties();
		properties.putAll(config);
		return properties;
	}

	private void format(Properties config) {
		if (Files.isRegularFile(this.logDirectory.resolve("meta.properties"))) {
			return;
		}
		try {
			Files.createDirectories(this.logDirectory);
			Path file = Files.createTempFile("kafka-server-", ".properties");
			try {
				try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
					config.store(writer, "InJvmKafkaBroker");
				}
				ByteArrayOutputStream output = new ByteArrayOutputStream();
				int status;
				try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
					status = StorageTool.execute(new String[] { "format", "-t", Uuid.randomUuid().toString(), "-c",
							file.toString() }, print);
				}
				if (status != 0) {
					throw new IllegalStateException("Could not format Kafka log directory " + this.logDirectory + ": "
							+ output.toString(StandardCharsets.UTF_8));
				}
			}
			finally {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitReady() {
		Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT.toMillis());
		try (Admin admin = Admin.create(config)) {
			admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for Kafka", ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Kafka broker on port " + this.port + " did not answer", ex);
		}
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("kafka-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Options of an {@link InJvmKafkaBroker}. */
	public static final class Builder {

		private int port;

		private int controllerPort;

		private Path logDirectory;

		private final Map<String, String> overrides = new LinkedHashMap<>();

		private Builder() {
		}

		/** The client port; 0 (the default) picks a free one, kept across restarts. */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/** The KRaft controller port; 0 (the default) picks a free one, kept across restarts. */
		public Builder controllerPort(int controllerPort) {
			this.controllerPort = controllerPort;
			return this;
		}

		/** Keep the log here between runs; by default a temporary directory deleted on {@link #close()}. */
		public Builder logDirectory(Path logDirectory) {
			this.logDirectory = logDirectory;
			return this;
		}

		/** A broker setting that replaces the default, e.g. {@code auto.create.topics.enable=false}. */
		public Builder property(String name, String value) {
			this.overrides.put(name, value);
			return this;
		}

		/** The broker, not started yet. */
		public InJvmKafkaBroker build() {
			return new InJvmKafkaBroker(this);
		}

	}

}
