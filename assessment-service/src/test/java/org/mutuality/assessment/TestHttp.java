package org.mutuality.assessment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small HTTP client for integration tests: real requests to the running service, with or without
 * a bearer token, and JSON answers as trees.
 */
public final class TestHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	public TestHttp(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	public Response get(String path) {
		return get(path, null);
	}

	public Response get(String path, String token) {
		return send(request(path, token).GET());
	}

	/** A GET that accepts only the given media type (say {@code text/plain} for a Prometheus scrape). */
	public Response get(String path, String token, String accept) {
		return send(request(path, token).setHeader("Accept", accept).GET());
	}

	public Response post(String path, String json, String token) {
		return post(path, json, token, java.util.Map.of());
	}

	/** A JSON POST with extra request headers (a {@code traceparent}, say). */
	public Response post(String path, String json, String token, java.util.Map<String, String> headers) {
		HttpRequest.Builder builder = request(path, token).header("Content-Type", "application/json");
		headers.forEach(builder::header);
		return send(builder.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public Response send(String method, String path, String json, String token) {
		HttpRequest.BodyPublisher body = (json != null) ? HttpRequest.BodyPublishers.ofString(json)
				: HttpRequest.BodyPublishers.noBody();
		HttpRequest.Builder builder = request(path, token).method(method, body);
		if (json != null) {
			builder.header("Content-Type", "application/json");
		}
		return send(builder);
	}

	private HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json, application/problem+json");
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	private Response send(HttpRequest.Builder builder) {
		try {
			return new Response(this.client.send(builder.build(), HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** An answer: status, headers and body. */
	public record Response(HttpResponse<String> raw) {

		public int status() {
			return this.raw.statusCode();
		}

		public String header(String name) {
			return this.raw.headers().firstValue(name).orElse(null);
		}

		public String body() {
			return this.raw.body();
		}

		public JsonNode json() {
			return JSON.readTree(this.raw.body());
		}

		/** Asserts a problem+json answer with the given status and returns it. */
		public JsonNode assertProblem(int status) {
			assertThat(status()).as(this.raw.body()).isEqualTo(status);
			assertThat(header("Content-Type")).startsWith("application/problem+json");
			JsonNode problem = json();
			assertThat(problem.path("status").asInt()).isEqualTo(status);
			return problem;
		}

	}

}
