package org.mutuality.content.support;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.mutuality.platform.test.infra.PostgresDatabase;
import org.mutuality.platform.test.security.DemoAccount;
import org.mutuality.platform.test.security.TestIdentityProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

import tools.jackson.databind.json.JsonMapper;

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
		this.jdbc.sql("delete from shedlock").update();
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

	protected static Map<String, Object> article(String title, String body, String... topics) {
		return Map.of("title", title, "bodyMarkdown", body, "topics", java.util.List.of(topics));
	}

}
