package org.mutuality.platform.test.infra.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports.Binding;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

import org.mutuality.platform.test.infra.support.Ports;

/**
 * Kafka from the official {@code apache/kafka} image, for tests on machines with a Docker engine. The client port is
 * bound to a fixed host port so that the advertised address stays valid when the container is stopped and started
 * again; the container keeps its log across that.
 */
final class ContainerKafkaServer implements KafkaServer {

	private static final int KAFKA_PORT = 9092;

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

	private final KafkaContainer container;

	private boolean running = true;

	private ContainerKafkaServer(KafkaContainer container) {
		this.container = container;
	}

	static ContainerKafkaServer run(String image) {
		int hostPort = Ports.freePort();
		KafkaContainer container = new KafkaContainer(image).withCreateContainerCmdModifier(
				(command) -> command.getHostConfig()
					.withPortBindings(new PortBinding(Binding.bindPort(hostPort), new ExposedPort(KAFKA_PORT))));
		container.start();
		return new ContainerKafkaServer(container);
	}

	static ContainerKafkaServer run() {
		// the image of the broker version this build's client and in-JVM broker use
		return run("apache/kafka:" + AppInfoParser.getVersion());
	}

	@Override
	public String bootstrapServers() {
		return this.container.getBootstrapServers();
	}

	@Override
	public synchronized ContainerKafkaServer start() {
		if (!this.running) {
			docker().startContainerCmd(this.container.getContainerId()).exec();
			awaitReady();
			this.running = true;
		}
		return this;
	}

	@Override
	public synchronized void stop() {
		if (this.running) {
			docker().stopContainerCmd(this.container.getContainerId()).exec();
			this.running = false;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.running;
	}

	@Override
	public synchronized void close() {
		this.container.stop();
		this.running = false;
	}

	@Override
	public String toString() {
		return "ContainerKafkaServer[" + this.container.getDockerImageName() + " at " + bootstrapServers() + "]";
	}

	private void awaitReady() {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
			admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for Kafka", ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Kafka container did not come back at " + bootstrapServers(), ex);
		}
	}

	private static DockerClient docker() {
		return DockerClientFactory.instance().client();
	}

}
