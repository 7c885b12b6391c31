package org.mutuality.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway closes a connection that stays idle for {@code server.netty.idle-timeout} (75 s in
 * application.yaml, 1 s here), whether it never sent a request or went quiet after one: a client that
 * opens connections and leaves them open cannot hold the gateway's sockets for ever.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.netty.idle-timeout=1s")
class IdleConnectionsIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void closesAConnectionThatNeverSendsARequest() throws IOException {
		try (Socket socket = connect()) {
			assertThat(socket.getInputStream().read()).as("end of stream").isEqualTo(-1);
		}
	}

	@Test
	void closesAKeptAliveConnectionThatGoesQuietAfterARequest() throws IOException {
		try (Socket socket = connect()) {
			OutputStream out = socket.getOutputStream();
			out.write("GET /css/site.css HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			// the answer, then the end of the stream once the connection has been idle for a second
			String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
			assertThat(answer).startsWith("HTTP/1.1 200 OK").doesNotContainIgnoringCase("connection: close");
		}
	}

	private Socket connect() throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5_000);
		// far longer than the idle timeout: a read that times out means the gateway kept the connection open
		socket.setSoTimeout((int) Duration.ofSeconds(15).toMillis());
		return socket;
	}

}
