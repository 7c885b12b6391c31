package org.mutuality.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real HTTP server standing in for a downstream service in gateway tests: it answers every request
 * with JSON naming itself, the path, and the headers the gateway passed on, optionally after a delay, or
 * with its body stalled after the first byte.
 */
public final class StubService implements AutoCloseable {

	private final String name;

	private final HttpServer server;

	private volatile Duration delay = Duration.ZERO;

	private volatile Duration bodyStall = Duration.ZERO;

	private StubService(String name, HttpServer server) {
		this.name = name;
		this.server = server;
	}

	public static StubService start(String name) {
		return start(name, 0);
	}

	/** Starts the stub on a given port (0: any free one), e.g. again where a stopped one listened. */
	public static StubService start(String name, int port) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
			server.setExecutor(Executors.newCachedThreadPool());
			StubService stub = new StubService(name, server);
			server.createContext("/", stub::handle);
			server.start();
			return stub;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	/** Makes this stub the service behind every route of the gateway under test. */
	public void serveEveryRoute(DynamicPropertyRegistry registry) {
		registry.add("CONTENT_SERVICE_URI", this::uri);
		registry.add("ASSESSMENT_SERVICE_URI", this::uri);
		registry.add("BOOKING_SERVICE_URI", this::uri);
	}

	public void delay(Duration delay) {
		this.delay = delay;
	}

	/** From now on, answers send their headers and the body's first byte, then nothing more for this long. */
	public void stallBody(Duration stall) {
		this.bodyStall = stall;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream body = exchange.getRequestBody()) {
			long received = body.transferTo(OutputStream.nullOutputStream());
			Thread.sleep(this.delay.toMillis());
			String json = "{\"service\":\"%s\",\"path\":\"%s\",\"method\":\"%s\",\"requestId\":%s,\"authorization\":%s,\"traceparent\":%s,\"received\":%d}"
				.formatted(this.name, exchange.getRequestURI().getPath(), exchange.getRequestMethod(),
						quoted(exchange.getRequestHeaders().getFirst("X-Request-Id")),
						quoted(exchange.getRequestHeaders().getFirst("Authorization")),
						quoted(exchange.getRequestHeaders().getFirst("traceparent")), received);
			byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, bytes.length);
			OutputStream out = exchange.getResponseBody();
			Duration stall = this.bodyStall;
			if (stall.isZero()) {
				out.write(bytes);
			}
			else {
				out.write(bytes, 0, 1);
				out.flush();
				Thread.sleep(stall.toMillis());
				out.write(bytes, 1, bytes.length - 1);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String quoted(String value) {
		return (value != null) ? "\"" + value.replace("\"", "") + "\"" : "null";
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
