package org.mutuality.gateway;

import reactor.netty.ReactorNetty;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The gateway: the single entry point of the platform.
 */
@SpringBootApplication
public class GatewayApplication {

	public static void main(String[] args) {
		oneEventLoopPerProcessor();
		SpringApplication.run(GatewayApplication.class, args);
	}

	/**
	 * Gives Reactor Netty, whose event loops run both the gateway's server and its client to the services,
	 * one loop per processor instead of its default of at least four. On fewer than four processors (a
	 * small container, a 2-core machine) the extra loops only take turns on the same processors, waking
	 * each other and the kernel more often for the same work: on 2 cores, two loops served 9-14 % more
	 * requests than four (gateway/BENCHMARKS.md); on four or more processors nothing changes. The gateway
	 * blocks no loop. A single processor gets a single loop for the server and the client (not measured). A
	 * {@code -Dreactor.netty.ioWorkerCount} given at start is kept. Must run before Reactor Netty's resources
	 * are first used, which read the setting once; {@code @SpringBootTest}s do not go through {@code main}.
	 */
	public static void oneEventLoopPerProcessor() {
		if (System.getProperty(ReactorNetty.IO_WORKER_COUNT) == null) {
			System.setProperty(ReactorNetty.IO_WORKER_COUNT,
					Integer.toString(Runtime.getRuntime().availableProcessors()));
		}
	}

}
