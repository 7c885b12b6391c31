package org.mutuality.platform.testapps;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain HTTP client for the test applications, so that tests see exactly what a client on the
 * network sees: status, headers and body bytes, chunked bodies included.
 */
public final class TestHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String baseUrl;

	public TestHttp(int port) {
		this.baseUrl = "http://127.0.0.1:" + port;
	}

	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.baseUrl + path)).timeout(Duration.ofSeconds(20));
	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	public Response get(String path, String token) {
		return send(request(path).header("Authorization", "Bearer " + token).GET());
	}

	public Response postJson(String path, String token, String json) {
		HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request);
	}

	/** A body of unknown length: sent with {@code Transfer-Encoding: chunked}. */
	public static HttpRequest.BodyPublisher chunked(Supplier<InputStream> body) {
		return HttpRequest.BodyPublishers.ofInputStream(body);
	}

	public Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<byte[]> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), response.headers(),
					new String(response.body(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** One answer. */
	public record Response(int status, HttpHeaders headers, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		/**
		 * Asserts an RFC 9457 problem with the status, the request path as instance, and nothing in
		 * the body that betrays the implementation.
		 */
		public JsonNode assertProblem(int expectedStatus, String expectedInstance) {
			assertThat(this.status).as("status of %s", this.body).isEqualTo(expectedStatus);
			assertThat(header("Content-Type")).startsWith("application/problem+json");
			JsonNode problem = json();
			assertThat(problem.path("type").asString()).isNotBlank();
			assertThat(problem.path("title").asString()).isNotBlank();
			assertThat(problem.path("status").asInt()).isEqualTo(expectedStatus);
			assertThat(problem.path("detail").asString()).isNotBlank();
			assertThat(problem.path("instance").asString()).isEqualTo(expectedInstance);
			assertNoLeak(this.body);
			return problem;
		}

		public static void assertNoLeak(String body) {
			assertThat(body).doesNotContainIgnoringCase("exception")
				.doesNotContainIgnoringCase("select ")
				.doesNotContainIgnoringCase("secret")
				.doesNotContain("java.")
				.doesNotContain("org.")
				.doesNotContain("com.")
				.doesNotContain("\tat ")
				.doesNotContainIgnoringCase("trace")
				.doesNotContainIgnoringCase("nimbus")
				.doesNotContainIgnoringCase("jackson");
		}

	}

}
