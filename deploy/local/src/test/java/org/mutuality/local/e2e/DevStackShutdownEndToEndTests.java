package org.mutuality.local.e2e;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ctrl-C in the terminal of {@code ./mutuality up} stops every process it started and frees every
 * port. Runs after every other end-to-end class (see {@code junit-platform.properties}), because it
 * ends the stack they share.
 */
@ExtendWith(DevStackExtension.class)
@Order(Integer.MAX_VALUE)
class DevStackShutdownEndToEndTests {

	@Test
	void ctrlCStopsEveryProcessAndFreesEveryPort(RunningDevStack stack) throws Exception {
		List<ProcessHandle> processes = stack.process().descendants().collect(Collectors.toList());
		assertThat(processes).as("the stack's child processes").hasSizeGreaterThanOrEqualTo(5);
		stack.interruptProcessGroup();
		assertThat(stack.process().waitFor(90, TimeUnit.SECONDS))
			.as("./mutuality exits after Ctrl-C; output:%n%s", stack.tail())
			.isTrue();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(processes.stream().filter(ProcessHandle::isAlive).map(this::describe)).isEmpty();
			assertThat(RunningDevStack.ALL_PORTS.stream().filter(RunningDevStack::isListening)).isEmpty();
		});
	}

	private String describe(ProcessHandle process) {
		return process.pid() + " " + process.info().commandLine().orElse("?");
	}

}
