package org.mutuality.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.mutuality.platform.test.infra.support.ChildProcesses;

/**
 * One Spring Boot application of the stack, run as {@code java -jar <module>/target/<module>.jar} in a JVM of its own,
 * configured only through Spring's standard environment variables, with its output in a log file.
 */
final class JavaApplication {

	private static final Duration READY_POLL = Duration.ofMillis(500);

	private final String name;

	private final Path jar;

	private final int port;

	private final Map<String, String> environment;

	private final List<String> jvmOptions;

	private final Path logFile;

	private Process process;

	private boolean stopped;

	JavaApplication(String name, Path jar, int port, Map<String, String> environment, List<String> jvmOptions,
			Path logFile) {
		this.name = name;
		this.jar = jar;
		this.port = port;
		this.environment = new LinkedHashMap<>(environment);
		this.jvmOptions = List.copyOf(jvmOptions);
		this.logFile = logFile;
	}

	String name() {
		return this.name;
	}

	int port() {
		return this.port;
	}

	String url() {
		return "http://localhost:" + this.port;
	}

	Path logFile() {
		return this.logFile;
	}

	/** Starts the JVM, unless {@link #stop(Duration)} came first. */
	synchronized void start() {
		if (this.stopped) {
			throw new IllegalStateException(this.name + " was stopped");
		}
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(this.jvmOptions);
		command.add("-jar");
		command.add(this.jar.toString());
		try {
			Files.createDirectories(this.logFile.getParent());
			ProcessBuilder builder = new ProcessBuilder(ChildProcesses.inNewSession(command))
				.directory(this.jar.getParent().toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.logFile.toFile()));
			builder.environment().putAll(this.environment);
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + this.name, ex);
		}
	}

	/**
	 * Waits until {@code /actuator/health/readiness} answers UP.
	 * @throws StartupException if the process exits first or the time runs out
	 */
	void awaitReady(Duration timeout) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(5))
			.build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			Process running = this.process;
			if (running == null || !running.isAlive()) {
				throw new StartupException(this.name + " exited"
						+ ((running != null) ? " with status " + running.exitValue() : "") + " while starting",
						this.logFile);
			}
			try {
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new StartupException("Interrupted while waiting for " + this.name, this.logFile);
			}
			try {
				running.waitFor(READY_POLL.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new StartupException("Interrupted while waiting for " + this.name, this.logFile);
			}
		}
		throw new StartupException(
				this.name + " was not ready at " + url() + "/actuator/health/readiness within " + timeout.toSeconds()
						+ " s",
				this.logFile);
	}

	synchronized boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	synchronized ProcessHandle processHandle() {
		return (this.process != null) ? this.process.toHandle() : null;
	}

	/** Stops the JVM for good (SIGTERM: Spring's graceful shutdown), killing it after the grace period. */
	void stop(Duration grace) {
		Process running;
		synchronized (this) {
			this.stopped = true;
			running = this.process;
		}
		if (running != null) {
			ChildProcesses.stop(running.toHandle(), grace);
		}
	}

}
