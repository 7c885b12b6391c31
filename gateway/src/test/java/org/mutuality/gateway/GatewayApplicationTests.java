package org.mutuality.gateway;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.ReactorNetty;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayApplicationTests {

	private String given;

	@BeforeEach
	void rememberTheSetting() {
		this.given = System.getProperty(ReactorNetty.IO_WORKER_COUNT);
	}

	@AfterEach
	void restoreTheSetting() {
		if (this.given == null) {
			System.clearProperty(ReactorNetty.IO_WORKER_COUNT);
		}
		else {
			System.setProperty(ReactorNetty.IO_WORKER_COUNT, this.given);
		}
	}

	@Test
	void theEventLoopsAreOnePerProcessor() {
		System.clearProperty(ReactorNetty.IO_WORKER_COUNT);

		GatewayApplication.oneEventLoopPerProcessor();

		assertThat(System.getProperty(ReactorNetty.IO_WORKER_COUNT))
			.isEqualTo(Integer.toString(Runtime.getRuntime().availableProcessors()));
	}

	@Test
	void aCountGivenAtStartIsKept() {
		System.setProperty(ReactorNetty.IO_WORKER_COUNT, "7");

		GatewayApplication.oneEventLoopPerProcessor();

		assertThat(System.getProperty(ReactorNetty.IO_WORKER_COUNT)).isEqualTo("7");
	}

}
