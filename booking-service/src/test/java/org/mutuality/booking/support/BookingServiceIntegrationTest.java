package org.mutuality.booking.support;

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
 * The base of booking-service's full-context tests: the application on a random port, its own
 * PostgreSQL database and the JVM's Kafka broker from platform-test, and real signed tokens from the
 * test identity provider, and a real SMTP server ({@link MailServer}) the booking emails go to; their
 * sender runs every 200 ms and retries after 1, 2 and 4 seconds.
 * Test classes share one context and one database, so each test works with therapists and clients
 * of its own ({@link #newTherapist()}, {@link #newClient()}) unless it needs the demo accounts.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.org.apache.kafka=WARN",
				// each cached context consumes every event itself, not a share of the partitions
				"spring.kafka.consumer.group-id=booking-service-${random.uuid}" })
@PostgresDatabase("booking")
@KafkaBroker
public abstract class BookingServiceIntegrationTest {

	protected static final TestIdentityProvider idp = TestIdentityProvider.shared();

	protected static final MailServer mail = MailServer.shared();

	@LocalServerPort
	private int port;

	protected Http http;

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) {
		TestUsers.identityProviderProperties().forEach((name, value) -> registry.add(name, () -> value));
	}

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		mail.properties().forEach((name, value) -> registry.add(name, () -> value));
		registry.add("mutuality.booking.notifications.sender.interval", () -> "200ms");
		registry.add("mutuality.booking.notifications.sender.initial-backoff", () -> "1s");
		registry.add("mutuality.booking.notifications.sender.max-backoff", () -> "4s");
		registry.add("mutuality.booking.notifications.sender.max-attempts", () -> "4");
	}

	@BeforeEach
	void http() {
		this.http = new Http(this.port);
	}

	protected static String token(DemoAccount account) {
		return idp.tokenFor(account);
	}

	/** A token for a new client with a random id. */
	protected static User newClient() {
		return newUser("client", "Test Client");
	}

	/** A token for a new therapist with a random id, without a profile yet. */
	protected static User newTherapist() {
		return newUser("therapist", "Test Therapist");
	}

	protected static User newUser(String role, String name) {
		return TestUsers.newUser(role, name);
	}

	/** Creates the therapist's profile: 30-minute consultations, no buffer, no notice, 60 days ahead. */
	protected void createProfile(User therapist, String timeZone) {
		createProfile(therapist, timeZone, 30, 0, 0, 60);
	}

	protected void createProfile(User therapist, String timeZone, int consultationMinutes, int bufferMinutes,
			int minimumNoticeHours, int horizonDays) {
		this.http.put("/api/therapists/me", therapist.token(), Http.json(java.util.Map.of("displayName",
				"Therapist " + therapist.id(), "timeZone", timeZone, "consultationMinutes", consultationMinutes,
				"bufferMinutes", bufferMinutes, "minimumNoticeHours", minimumNoticeHours, "horizonDays", horizonDays)))
			.expect(201);
	}

	/** Replaces the therapist's availability with every day of the week from {@code start} to {@code end}. */
	protected void everyDay(User therapist, String timeZone, String start, String end) {
		Therapists.everyDay(this.http, therapist, timeZone, start, end);
	}

	/**
	 * A user of a test, their token and the email address in it.
	 */
	public record User(UUID id, String token, String email) {
	}

}
