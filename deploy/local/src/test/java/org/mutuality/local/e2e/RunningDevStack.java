package org.mutuality.local.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.mutuality.platform.test.infra.support.ChildProcesses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One {@code ./mutuality up} for the whole end-to-end run, started the way the README does, on ports
 * shifted by {@value #PORT_OFFSET} so it can run beside a developer's own stack. The API checks, the
 * browser journeys and the Ctrl-C check all drive this one stack ({@link DevStackExtension} hands it
 * out), because starting it takes a minute or more. A start that failed is remembered, so the next
 * test class fails at once instead of waiting minutes again.
 */
final class RunningDevStack {

	/**
	 * Every port of the stack stays below Linux's ephemeral range (32768-60999), where an outgoing
	 * connection can hold any port for a while: offsets of 30000 and 20000 (PostgreSQL on 35432) once
	 * collided with one. With 10000 the highest is PostgreSQL's 25432, clear of the machine's own
	 * services (RabbitMQ's 25672 among them).
	 */
	static final int PORT_OFFSET = 10000;

	static final int GATEWAY = 8080 + PORT_OFFSET;

	static final int KEYCLOAK = 8180 + PORT_OFFSET;

	static final Map<String, Integer> SERVICES = Map.of("content-service", 8081 + PORT_OFFSET, "assessment-service",
			8082 + PORT_OFFSET, "booking-service", 8083 + PORT_OFFSET);

	static final int MAILBOX = 8025 + PORT_OFFSET;

	static final int SMTP = 3025 + PORT_OFFSET;

	static final List<Integer> ALL_PORTS = List.of(GATEWAY, KEYCLOAK, 8081 + PORT_OFFSET, 8082 + PORT_OFFSET,
			8083 + PORT_OFFSET, 9092 + PORT_OFFSET, 9093 + PORT_OFFSET, 15432 + PORT_OFFSET, MAILBOX, SMTP);

	static final String GATEWAY_URL = "http://localhost:" + GATEWAY;

	private static RunningDevStack shared;

	private static Throwable failedStart;

	private final Process process;

	private final Path log;

	private final Path stateDir;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private RunningDevStack(Process process, Path log, Path stateDir) {
		this.process = process;
		this.log = log;
		this.stateDir = stateDir;
	}

	/** The stack of this run, started (and waited for) on the first call. */
	static synchronized RunningDevStack shared() {
		if (failedStart != null) {
			throw new IllegalStateException("The dev stack did not start earlier in this run", failedStart);
		}
		if (shared == null) {
			try {
				shared = start();
			}
			catch (IOException ex) {
				failedStart = ex;
				throw new UncheckedIOException(ex);
			}
			catch (RuntimeException | Error ex) {
				failedStart = ex;
				throw ex;
			}
		}
		return shared;
	}

	private static RunningDevStack start() throws IOException {
		Path root = Path.of("").toAbsolutePath().resolve("../..").normalize();
		Path stateDir = Path.of("target/e2e-stack").toAbsolutePath();
		Files.createDirectories(stateDir);
		Path log = Path.of("target/e2e-stack.log").toAbsolutePath();
		// setsid: the stack gets a process group of its own, so a Ctrl-C can be sent to it as a terminal would.
		// perl first restores SIGINT's default: a build started in the background (as CI may be) ignores
		// SIGINT, every child inherits that, and a Ctrl-C could not be simulated at all.
		Process process = new ProcessBuilder("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die", "setsid",
				root.resolve("mutuality").toString(), "up", "--no-build", "--reset", "--port-offset",
				String.valueOf(PORT_OFFSET), "--state-dir", stateDir.toString())
			.directory(root.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		RunningDevStack stack = new RunningDevStack(process, log, stateDir);
		try {
			stack.awaitReady();
		}
		catch (RuntimeException | Error ex) {
			stack.stop();
			throw ex;
		}
		return stack;
	}

	private void awaitReady() {
		await("the dev stack to be ready (log: " + this.log + ")").atMost(Duration.ofMinutes(6))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> {
				assertThat(this.process.isAlive()).as(() -> "./mutuality up is still running; its output:\n" + tail())
					.isTrue();
				return isUp(GATEWAY_URL + "/actuator/health/readiness")
						&& SERVICES.values()
							.stream()
							.allMatch((port) -> isUp("http://localhost:" + port + "/actuator/health/readiness"))
						&& isUp("http://localhost:" + KEYCLOAK + "/realms/mutuality/.well-known/openid-configuration");
			});
	}

	Process process() {
		return this.process;
	}

	/** Sends SIGINT to the stack's process group, as Ctrl-C in its terminal would. */
	void interruptProcessGroup() throws IOException, InterruptedException {
		new ProcessBuilder("kill", "-INT", "--", "-" + this.process.pid()).inheritIO().start().waitFor();
	}

	/** Stops the stack if a test has not already: Ctrl-C, then force after 90 s. */
	void stop() {
		if (!this.process.isAlive()) {
			return;
		}
		try {
			interruptProcessGroup();
			if (this.process.waitFor(90, TimeUnit.SECONDS)) {
				return;
			}
		}
		catch (IOException ex) {
			// fall through to force
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.process.descendants().forEach(ProcessHandle::destroyForcibly);
		this.process.destroyForcibly();
	}

	/** The last 60 lines the stack printed. */
	String tail() {
		return ChildProcesses.tail(this.log, 60);
	}

	/** The last lines of one part's log, such as {@code "gateway"}. */
	String logTail(String part, int lines) {
		return ChildProcesses.tail(logFile(part), lines);
	}

	/** One part's log file, such as {@code "gateway"}'s. */
	Path logFile(String part) {
		return this.stateDir.resolve("logs").resolve(part + ".log");
	}

	private boolean isUp(String url) {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	static boolean isListening(int port) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
