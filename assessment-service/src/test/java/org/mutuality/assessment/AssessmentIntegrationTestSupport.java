package org.mutuality.assessment;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.mutuality.platform.test.infra.KafkaBroker;
import org.mutuality.platform.test.infra.PostgresDatabase;
import org.mutuality.platform.test.security.DemoAccount;
import org.mutuality.platform.test.security.TestIdentityProvider;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of the service's full-context tests: the application on a random port, its own
 * PostgreSQL database and the JVM's Kafka broker from platform-test, and tokens signed by the
 * shared test identity provider. Test classes with the same configuration share one context and
 * one database, so tests use fresh clients ({@link #newClientToken}) where they count rows.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN" })
@PostgresDatabase("assessment")
@KafkaBroker
public abstract class AssessmentIntegrationTestSupport {

	protected static final TestIdentityProvider idp = TestIdentityProvider.shared();

	@LocalServerPort
	private int port;

	protected TestHttp http;

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", idp::issuerUri);
		registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> TestIdentityProvider.AUDIENCE);
	}

	@BeforeEach
	void httpClient() {
		this.http = new TestHttp(this.port);
	}

	protected static String tokenFor(DemoAccount account) {
		return idp.tokenFor(account);
	}

	/** A token of a client nobody else uses, so that their lists hold only what the test made. */
	protected static String newClientToken(UUID id) {
		return idp.token()
			.subject(id.toString())
			.username("client-" + id)
			.email("client-" + id + "@mutuality.test")
			.name("Client " + id.toString().substring(0, 8))
			.roles("client")
			.build();
	}

	/** A PHQ-9 body with every item answered with {@code value}, item 9 with {@code item9}. */
	protected static String phq9(int value, int item9) {
		StringBuilder answers = new StringBuilder();
		for (int item = 1; item <= 9; item++) {
			if (item > 1) {
				answers.append(',');
			}
			answers.append("{\"itemId\":\"q").append(item).append("\",\"value\":").append((item == 9) ? item9 : value)
				.append('}');
		}
		return "{\"answers\":[" + answers + "],\"consentToContact\":true}";
	}

	/** A GAD-7 body with every item answered with {@code value}. */
	protected static String gad7(int value) {
		StringBuilder answers = new StringBuilder();
		for (int item = 1; item <= 7; item++) {
			if (item > 1) {
				answers.append(',');
			}
			answers.append("{\"itemId\":\"q").append(item).append("\",\"value\":").append(value).append('}');
		}
		return "{\"answers\":[" + answers + "],\"consentToContact\":false}";
	}

}
