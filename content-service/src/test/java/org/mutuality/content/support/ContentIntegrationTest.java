package org.mutuality.content.support;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.mutuality.platform.test.infra.PostgresDatabase;
import org.mutuality.platform.test.security.DemoAccount;
import org.mutuality.platform.test.security.TestIdentityProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The base of content-service's full-context tests: the application against its own embedded PostgreSQL database
 * (from platform-test), tokens from the shared test identity provider, and helpers to call the API as each demo
 * account. Every test starts from a database without articles.
 */
@SpringBootTest(properties = "mutuality.content.publishing.interval=200ms")
@AutoConfigureMockMvc
@PostgresDatabase("content")
public abstract class ContentIntegrationTest {

	protected static final TestIdentityProvider IDP = TestIdentityProvider.shared();

	@Autowired
	protected MockMvcTester mvc;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected JsonMapper json;

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", IDP::issuerUri);
	}

	@BeforeEach
	void deleteArticles() {
		this.jdbc.sql("delete from articles").update();
	}

	protected static String bearer(DemoAccount account) {
		return "Bearer " + IDP.tokenFor(account);
	}

	/** A request as the account, or anonymous when it is {@code null}. */
	protected MockMvcRequestBuilder as(DemoAccount account, MockMvcRequestBuilder request) {
		return (account != null) ? request.header(HttpHeaders.AUTHORIZATION, bearer(account)) : request;
	}

	protected String toJson(Object value) {
		return this.json.writeValueAsString(value);
	}

	protected MockMvcRequestBuilder jsonBody(MockMvcRequestBuilder request, Object body) {
		return request.contentType(MediaType.APPLICATION_JSON)
			.content((body instanceof String text) ? text : toJson(body));
	}

	protected JsonNode read(MvcTestResult result) {
		try {
			return this.json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Creates an article as the account (201 expected) and answers it. */
	protected JsonNode create(DemoAccount account, Object body) {
		MvcTestResult result = jsonBody(as(account, this.mvc.post().uri("/api/articles")), body).exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED);
		return read(result);
	}

	/** Publishes the article now, as the admin, and answers it. */
	protected JsonNode publish(JsonNode article) {
		MvcTestResult result = as(DemoAccount.ADMIN1,
				this.mvc.post().uri("/api/articles/{id}/publish", article.get("id").asString())).exchange();
		assertThat(result).hasStatusOk();
		return read(result);
	}

	/** A published article by therapist1. */
	protected JsonNode published(String title, String body, String... topics) {
		return publish(create(DemoAccount.THERAPIST1, article(title, body, topics)));
	}

	protected static Map<String, Object> article(String title, String body, String... topics) {
		return Map.of("title", title, "bodyMarkdown", body, "topics", java.util.List.of(topics));
	}

}
