package org.mutuality.booking.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain HTTP client for the running service, so that tests see what a client on the network
 * sees: statuses, headers and bodies, with real bearer tokens.
 */
public final class Http {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String baseUrl;

	public Http(int port) {
		this.baseUrl = "http://127.0.0.1:" + port;
	}

	public Response get(String path, String token) {
		return send("GET", path, token, null, Map.of());
	}

	public Response get(String path) {
		return get(path, null);
	}

	public Response post(String path, String token, String json) {
		return send("POST", path, token, json, Map.of());
	}

	public Response post(String path, String token, String json, Map<String, String> headers) {
		return send("POST", path, token, json, headers);
	}

	public Response put(String path, String token, String json) {
		return send("PUT", path, token, json, Map.of());
	}

	public Response delete(String path, String token) {
		return send("DELETE", path, token, null, Map.of());
	}

	public Response send(String method, String path, String token, String json, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json)
					: HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		return new Response(exchange(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
	}

	/**
	 * Only the status of a {@code GET}, its body read and dropped: for a benchmark whose client runs
	 * in the service's JVM, where decoding large answers would add the client's garbage to the
	 * service's collections.
	 */
	public int status(String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build();
		return exchange(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
		try {
			return this.client.send(request, body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** JSON text of a value, for request bodies. */
	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	/**
	 * One answer.
	 */
	public record Response(HttpResponse<String> raw) {

		public int status() {
			return this.raw.statusCode();
		}

		public String body() {
			return this.raw.body();
		}

		public String header(String name) {
			return this.raw.headers().firstValue(name).orElse(null);
		}

		public JsonNode json() {
			return JSON.readTree(this.raw.body());
		}

		/** Asserts the status and answers the JSON body. */
		public JsonNode expect(int status) {
			assertThat(status()).as("status of %s %s, body %s", this.raw.request().method(), this.raw.uri(), body())
				.isEqualTo(status);
			return (body() == null || body().isEmpty()) ? JSON.missingNode() : json();
		}

		/** Asserts a problem+json answer with the status and answers it. */
		public JsonNode expectProblem(int status) {
			JsonNode problem = expect(status);
			assertThat(header("Content-Type")).startsWith("application/problem+json");
			assertThat(problem.path("status").asInt()).isEqualTo(status);
			return problem;
		}

	}

}
