package org.mutuality.platform.web;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.platform.test.security.DemoAccount;
import org.mutuality.platform.test.security.TestIdentityProvider;
import org.mutuality.platform.testapps.TestHttp;
import org.mutuality.platform.testapps.servlet.ServletTestApplication;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error status of API.md's conventions, raised in a real servlet service and read over HTTP:
 * each is {@code application/problem+json} with type, title, status, detail and the request path
 * as instance, with field errors where the input was invalid, and nothing that betrays the
 * implementation.
 */
@SpringBootTest(classes = ServletTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ServletProblemIntegrationTests {

	private static final TestIdentityProvider idp = TestIdentityProvider.shared();

	private static final int ONE_MIB = 1024 * 1024;

	@LocalServerPort
	private int port;

	private TestHttp http;

	private String token;

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", idp::issuerUri);
		registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> TestIdentityProvider.AUDIENCE);
	}

	@BeforeEach
	void client() {
		this.http = new TestHttp(this.port);
		this.token = idp.tokenFor(DemoAccount.CLIENT1);
	}

	@Test
	void answersMalformedJsonWith400() {
		TestHttp.Response response = this.http.postJson("/echo", this.token, "{\"name\": \"a\", ");

		JsonNode problem = response.assertProblem(400, "/echo");
		assertThat(problem.path("detail").asString()).isEqualTo("The request body is not well-formed JSON");
	}

	@Test
	void answersAMissingBodyWith400() {
		TestHttp.Response response = this.http.send(this.http.request("/echo")
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.noBody()));

		response.assertProblem(400, "/echo");
	}

	@Test
	void answersAWrongTypeInTheBodyWith400NamingTheField() {
		TestHttp.Response response = this.http.postJson("/echo", this.token,
				"{\"name\":\"a\",\"size\":\"many\",\"kind\":\"DRAFT\"}");

		JsonNode problem = response.assertProblem(400, "/echo");
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("size");
		assertThat(problem.path("errors").get(0).path("message").asString()).isEqualTo("has a wrong type or format");
	}

	/** A fraction is not cut down to a whole number: 0.9 for an item whose options are 0-3 would score as 0. */
	@Test
	void answersAFractionForAWholeNumberWith400NamingTheField() {
		TestHttp.Response response = this.http.postJson("/echo", this.token,
				"{\"name\":\"a\",\"size\":2.7,\"kind\":\"DRAFT\"}");

		JsonNode problem = response.assertProblem(400, "/echo");
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("size");
	}

	/** Text is not taken for a number, and a number too large for its field names the field. */
	@Test
	void answersTextOrAnOverlargeNumberForAWholeNumberWith400NamingTheField() {
		for (String size : new String[] { "\"3\"", "3000000000" }) {
			TestHttp.Response response = this.http.postJson("/echo", this.token,
					"{\"name\":\"a\",\"size\":" + size + ",\"kind\":\"DRAFT\"}");

			JsonNode problem = response.assertProblem(400, "/echo");
			assertThat(problem.path("errors").get(0).path("field").asString()).as(size).isEqualTo("size");
		}
	}

	/** A field given twice is refused: Jackson would keep the last value. */
	@Test
	void answersAFieldGivenTwiceWith400() {
		TestHttp.Response response = this.http.postJson("/echo", this.token,
				"{\"name\":\"a\",\"size\":2,\"size\":3,\"kind\":\"DRAFT\"}");

		response.assertProblem(400, "/echo");
	}

	@Test
	void answersBeanValidationFailuresWith400AndOneErrorPerField() {
		TestHttp.Response response = this.http.postJson("/echo", this.token, "{\"name\":\" \",\"size\":11}");

		JsonNode problem = response.assertProblem(400, "/echo");
		assertThat(problem.path("type").asString()).isEqualTo("about:blank");
		assertThat(problem.path("title").asString()).isEqualTo("Bad Request");
		assertThat(problem.path("errors").valueStream().map((error) -> error.path("field").asString()))
			.containsExactlyInAnyOrder("name", "size", "kind");
		assertThat(problem.path("errors").valueStream().map((error) -> error.path("message").asString()))
			.allSatisfy((message) -> assertThat(message).isNotBlank());
	}

	@Test
	void answersAQueryValueOfTheWrongTypeWith400() {
		TestHttp.Response response = this.http.get("/items?page=abc&kind=DRAFT", this.token);

		JsonNode problem = response.assertProblem(400, "/items");
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("page");
	}

	@Test
	void answersAnUnknownEnumQueryValueWith400ListingTheKnownOnes() {
		TestHttp.Response response = this.http.get("/items?page=0&kind=SECRET", this.token);

		JsonNode problem = response.assertProblem(400, "/items");
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("kind");
		assertThat(problem.path("errors").get(0).path("message").asString()).isEqualTo("must be one of DRAFT, PUBLISHED");
	}

	@Test
	void answersAMissingQueryParameterWith400() {
		TestHttp.Response response = this.http.get("/items?page=0", this.token);

		JsonNode problem = response.assertProblem(400, "/items");
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("kind");
		assertThat(problem.path("errors").get(0).path("message").asString()).isEqualTo("is required");
	}

	@Test
	void answersAnInvalidQueryParameterWith400() {
		TestHttp.Response response = this.http.get("/items?page=-1&kind=DRAFT", this.token);

		JsonNode problem = response.assertProblem(400, "/items");
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("page");
	}

	@Test
	void answersADomainValidationProblemWith400AndItsErrors() {
		TestHttp.Response response = this.http.postJson("/submissions", this.token, "{}");

		JsonNode problem = response.assertProblem(400, "/submissions");
		assertThat(problem.path("errors").toString())
			.isEqualTo("[{\"field\":\"phq-9-9\",\"message\":\"is required\"},"
					+ "{\"field\":\"phq-9-10\",\"message\":\"is not an item of this assessment\"}]");
	}

	@Test
	void answersAnUnknownPathWith404() {
		TestHttp.Response response = this.http.get("/no/such/thing", this.token);

		JsonNode problem = response.assertProblem(404, "/no/such/thing");
		assertThat(problem.path("title").asString()).isEqualTo("Not Found");
	}

	@Test
	void answersADomainNotFoundWith404() {
		UUID id = UUID.randomUUID();
		TestHttp.Response response = this.http.get("/bookings/" + id, this.token);

		JsonNode problem = response.assertProblem(404, "/bookings/" + id);
		assertThat(problem.path("detail").asString()).isEqualTo("Booking " + id + " was not found");
	}

	@Test
	void answersAPathVariableOfTheWrongTypeWith400() {
		this.http.get("/bookings/not-a-uuid", this.token).assertProblem(400, "/bookings/not-a-uuid");
	}

	@Test
	void answersAWrongMethodWith405AndTheAllowedOnes() {
		TestHttp.Response response = this.http.send(this.http.request("/public/hello").DELETE());

		response.assertProblem(405, "/public/hello");
		assertThat(response.header("Allow")).contains("GET");
	}

	@Test
	void answersADomainConflictWith409AndItsProblemType() {
		TestHttp.Response response = this.http.postJson("/bookings", this.token, "{}");

		JsonNode problem = response.assertProblem(409, "/bookings");
		assertThat(problem.path("type").asString()).isEqualTo("/problems/slot-unavailable");
		assertThat(problem.path("title").asString()).isEqualTo("Slot unavailable");
		assertThat(problem.path("detail").asString()).isEqualTo("The slot was just taken; choose another one");
	}

	@Test
	void answersAFailedPreconditionWith412() {
		UUID id = UUID.randomUUID();
		TestHttp.Response response = this.http.send(this.http.request("/articles/" + id)
			.header("Authorization", "Bearer " + this.token)
			.header("If-Match", "\"3\"")
			.PUT(HttpRequest.BodyPublishers.noBody()));

		JsonNode problem = response.assertProblem(412, "/articles/" + id);
		assertThat(problem.path("title").asString()).isEqualTo("Precondition Failed");
	}

	@Test
	void answersAWrongContentTypeWith415() {
		TestHttp.Response response = this.http.send(this.http.request("/echo")
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("name=a")));

		response.assertProblem(415, "/echo");
		assertThat(response.header("Accept")).contains("application/json");
	}

	@Test
	void answersProblemJsonEvenToAClientThatAcceptsOnlyHtml() {
		TestHttp.Response response = this.http.send(this.http.request("/no/such/thing")
			.header("Authorization", "Bearer " + this.token)
			.header("Accept", "text/html"));

		response.assertProblem(404, "/no/such/thing");
	}

	@Test
	void answersAnUnexpectedErrorWith500AndAGenericDetail() {
		TestHttp.Response response = this.http.get("/boom", this.token);

		JsonNode problem = response.assertProblem(500, "/boom");
		assertThat(problem.path("detail").asString()).isEqualTo("An unexpected error occurred");
	}

	@Test
	void answersAValueTheDatabaseRefusesWith400() {
		TestHttp.Response response = this.http.get("/unstorable-value", this.token);

		JsonNode problem = response.assertProblem(400, "/unstorable-value");
		assertThat(problem.path("detail").asString()).isEqualTo(ProblemExceptionHandler.UNSTORABLE_DETAIL)
			.doesNotContain("Zero bytes");
	}

	@Test
	void answersAnotherDatabaseErrorWith500() {
		TestHttp.Response response = this.http.get("/duplicate-key", this.token);

		JsonNode problem = response.assertProblem(500, "/duplicate-key");
		assertThat(problem.path("detail").asString()).isEqualTo("An unexpected error occurred");
	}

	@Test
	void hidesTheReasonOfA5xxResponseStatusException() {
		TestHttp.Response response = this.http.get("/bad-gateway", this.token);

		JsonNode problem = response.assertProblem(502, "/bad-gateway");
		assertThat(problem.path("title").asString()).isEqualTo("Bad Gateway");
	}

	@Test
	void answersAFailureInAFilterOutsideAnyControllerWithProblemJson() {
		TestHttp.Response response = this.http.get("/public/filter-failure");

		JsonNode problem = response.assertProblem(500, "/public/filter-failure");
		assertThat(problem.path("detail").asString()).isEqualTo("An unexpected error occurred");
	}

	@Test
	void answersASendErrorOutsideAnyControllerWithProblemJsonOfItsStatus() {
		TestHttp.Response response = this.http.get("/public/filter-send-error");

		response.assertProblem(400, "/public/filter-send-error");
	}

	@Test
	void answersTheErrorPathItselfWith404() {
		this.http.get("/error", this.token).assertProblem(404, "/error");
	}

	@Test
	void answersABodyDeclaredOverOneMebibyteWith413() {
		byte[] body = json(ONE_MIB + 10);

		TestHttp.Response response = this.http.send(this.http.request("/echo")
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));

		JsonNode problem = response.assertProblem(413, "/echo");
		assertThat(problem.path("detail").asString()).isEqualTo("The request body is larger than the limit of 1 MiB");
	}

	@Test
	void answersAChunkedJsonBodyThatGrowsPastOneMebibyteWith413() {
		byte[] body = json(ONE_MIB + 10);

		TestHttp.Response response = this.http.send(this.http.request("/echo")
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "application/json")
			.POST(TestHttp.chunked(() -> new ByteArrayInputStream(body))));

		response.assertProblem(413, "/echo");
	}

	@Test
	void answersAChunkedTextBodyThatGrowsPastOneMebibyteWith413() {
		InputStream body = new SequenceInputStream(new ByteArrayInputStream(filled(ONE_MIB)),
				new ByteArrayInputStream(filled(1)));

		TestHttp.Response response = this.http.send(this.http.request("/raw")
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "text/plain")
			.POST(TestHttp.chunked(() -> body)));

		response.assertProblem(413, "/raw");
	}

	@Test
	void acceptsAChunkedBodyOfExactlyOneMebibyte() {
		byte[] body = filled(ONE_MIB);

		TestHttp.Response response = this.http.send(this.http.request("/raw")
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "text/plain")
			.POST(TestHttp.chunked(() -> new ByteArrayInputStream(body))));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("length").asInt()).isEqualTo(ONE_MIB);
	}

	private static byte[] json(int size) {
		String prefix = "{\"name\":\"";
		String suffix = "\",\"size\":1,\"kind\":\"DRAFT\"}";
		byte[] body = filled(size);
		byte[] start = prefix.getBytes(StandardCharsets.UTF_8);
		byte[] end = suffix.getBytes(StandardCharsets.UTF_8);
		System.arraycopy(start, 0, body, 0, start.length);
		System.arraycopy(end, 0, body, size - end.length, end.length);
		return body;
	}

	private static byte[] filled(int size) {
		byte[] body = new byte[size];
		Arrays.fill(body, (byte) 'a');
		return body;
	}

}
