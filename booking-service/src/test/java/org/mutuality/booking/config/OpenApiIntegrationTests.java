package org.mutuality.booking.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.booking.support.BookingServiceIntegrationTest;
import org.mutuality.booking.support.Http;
import org.mutuality.platform.openapi.ServiceOpenApi;
import org.mutuality.platform.test.openapi.OpenApiDocument;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description at {@code /v3/api-docs}: public, holding exactly API.md's Booking operations (encoded here,
 * since the contract file is not part of the build) and the documented additions, each with its role note and bearer
 * requirement, problem+json errors, and schemas that show the real bookings, pages, slots and follow-ups.
 */
class OpenApiIntegrationTests extends BookingServiceIntegrationTest {

	/** Method and path -> who may call it, as API.md's Booking table says ("anyone" needs no token). */
	private static final Map<String, String> API_MD = new LinkedHashMap<>();

	static {
		API_MD.put("GET /api/therapists", "anyone");
		API_MD.put("GET /api/therapists/{id}", "anyone");
		API_MD.put("PUT /api/therapists/me", "therapist");
		API_MD.put("GET /api/therapists/me/availability", "therapist");
		API_MD.put("PUT /api/therapists/me/availability", "therapist");
		API_MD.put("GET /api/therapists/{id}/slots", "anyone");
		API_MD.put("POST /api/bookings", "client");
		API_MD.put("GET /api/bookings", "client: own; therapist: own calendar; admin: all");
		API_MD.put("GET /api/bookings/{id}", "its client, its therapist, admin");
		API_MD.put("POST /api/bookings/{id}/cancel", "its client, its therapist, admin");
		API_MD.put("POST /api/bookings/{id}/reschedule", "its client, its therapist, admin");
		API_MD.put("GET /api/therapists/me/calendar.ics", "therapist");
		API_MD.put("GET /api/follow-ups", "therapist, admin");
		API_MD.put("GET /api/follow-ups/mine", "client");
		API_MD.put("POST /api/follow-ups/{id}/claim", "therapist");
		API_MD.put("POST /api/follow-ups/{id}/close", "the claiming therapist, admin");
	}

	/**
	 * Operations the service has beyond API.md's table, documented as additions: the calendar subscription (a
	 * private URL for calendar apps, which send no bearer token) and the therapist's own profile the web UI reads.
	 */
	private static final Map<String, String> ADDITIONS = new LinkedHashMap<>();

	static {
		ADDITIONS.put("GET /api/therapists/{id}/calendar.ics", "anyone holding the therapist's subscription token");
		ADDITIONS.put("POST /api/therapists/me/calendar-subscription", "therapist");
		ADDITIONS.put("DELETE /api/therapists/me/calendar-subscription", "therapist");
		ADDITIONS.put("GET /api/therapists/me", "therapist");
	}

	private OpenApiDocument api;

	@BeforeEach
	void readDescription() {
		Http.Response response = this.http.get("/v3/api-docs");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		this.api = new OpenApiDocument(response.json());
	}

	@Test
	void describesTheServiceAndTheBearerScheme() {
		JsonNode doc = this.api.json();
		assertThat(doc.path("openapi").asString()).startsWith("3.");
		assertThat(doc.at("/info/title").asString()).isEqualTo("Mutuality booking-service");
		assertThat(doc.at("/info/version").asString()).isEqualTo("v1");
		assertThat(doc.at("/info/description").asString()).contains("problem+json");
		JsonNode bearer = doc.at("/components/securitySchemes/" + ServiceOpenApi.BEARER);
		assertThat(bearer.path("type").asString()).isEqualTo("http");
		assertThat(bearer.path("scheme").asString()).isEqualTo("bearer");
		assertThat(bearer.path("bearerFormat").asString()).isEqualTo("JWT");
	}

	@Test
	void holdsExactlyTheOperationsOfApiMdAndTheDocumentedAdditions() {
		Set<String> expected = new TreeSet<>(API_MD.keySet());
		expected.addAll(ADDITIONS.keySet());
		assertThat(this.api.operations()).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void marksTheAdditionsAsNotInApiMd() {
		ADDITIONS.keySet()
			.forEach((operation) -> assertThat(this.api.operation(operation).path("description").asString()).as(operation)
				.contains("An addition to API.md's table"));
		API_MD.keySet()
			.forEach((operation) -> assertThat(this.api.operation(operation).path("description").asString()).as(operation)
				.doesNotContain("addition"));
	}

	@Test
	void notesTheRolesAndRequiresTheBearerTokenWhereARoleIsNeeded() {
		Map<String, String> all = new LinkedHashMap<>(API_MD);
		all.putAll(ADDITIONS);
		all.forEach((operation, roles) -> {
			JsonNode op = this.api.operation(operation);
			assertThat(op.path("description").asString()).as(operation).startsWith("Roles: " + roles);
			if (roles.startsWith("anyone")) {
				assertThat(op.has("security")).as(operation).isFalse();
			}
			else {
				assertThat(op.at("/security/0").has(ServiceOpenApi.BEARER)).as(operation).isTrue();
				assertThat(OpenApiDocument.problemSchemaOf(op.at("/responses/403"))).as(operation).isNotEmpty();
			}
			assertThat(OpenApiDocument.problemSchemaOf(op.at("/responses/401"))).as(operation).isEqualTo("#/components/schemas/Problem");
		});
	}

	@Test
	void documentsProblemAnswers() {
		JsonNode problem = this.api.json().at("/components/schemas/Problem/properties");
		assertThat(OpenApiDocument.names(problem)).contains("type", "title", "status", "detail", "instance", "errors");
		assertThat(OpenApiDocument.names(problem.at("/errors/items/properties"))).contains("field", "message");
		JsonNode book = this.api.operation("POST /api/bookings");
		assertThat(OpenApiDocument.problemSchemaOf(book.at("/responses/400"))).isNotEmpty();
		assertThat(OpenApiDocument.problemSchemaOf(book.at("/responses/409"))).isNotEmpty();
		assertThat(OpenApiDocument.problemSchemaOf(this.api.operation("POST /api/bookings/{id}/reschedule").at("/responses/409"))).isNotEmpty();
		assertThat(OpenApiDocument.problemSchemaOf(this.api.operation("POST /api/follow-ups/{id}/claim").at("/responses/409"))).isNotEmpty();
		assertThat(OpenApiDocument.problemSchemaOf(this.api.operation("GET /api/bookings/{id}").at("/responses/404"))).isNotEmpty();
		assertThat(this.api.operation("GET /api/therapists").at("/responses/400").isMissingNode()).isTrue();
	}

	@Test
	void showsTheRealBookingsPagesSlotsAndFollowUps() {
		JsonNode booking = this.api.schema(this.api.operation("POST /api/bookings").at("/responses/201/content"));
		assertThat(OpenApiDocument.names(booking.path("properties"))).contains("id", "therapistId", "clientId", "start", "end",
				"status", "note", "followUpId", "createdAt", "cancelledAt", "cancelReason");
		assertThat(booking.at("/properties/status/enum").toString()).contains("CONFIRMED", "CANCELLED");
		assertThat(this.api.operation("POST /api/bookings").at("/responses/201/headers").has("Location")).isTrue();
		JsonNode request = this.api.schema(this.api.operation("POST /api/bookings").at("/requestBody/content"));
		assertThat(OpenApiDocument.names(request.path("properties"))).contains("therapistId", "start", "note", "followUpId");
		assertThat(this.api.operation("POST /api/bookings").path("parameters").toString()).contains("Idempotency-Key")
			.doesNotContain("CurrentUser");

		JsonNode page = this.api.schema(this.api.operation("GET /api/bookings").at("/responses/200/content"));
		assertThat(OpenApiDocument.names(page.path("properties"))).contains("items", "page", "size", "totalItems", "totalPages");
		assertThat(this.api.resolve(page.at("/properties/items/items"))).isEqualTo(booking);
		assertThat(this.api.schema(this.api.operation("POST /api/bookings/{id}/cancel").at("/responses/200/content"))).isEqualTo(booking);

		JsonNode slots = this.api.schema(this.api.operation("GET /api/therapists/{id}/slots").at("/responses/200/content"));
		assertThat(OpenApiDocument.names(slots.path("properties"))).contains("therapistId", "timeZone", "slots");
		assertThat(OpenApiDocument.names(this.api.resolve(slots.at("/properties/slots/items")).path("properties"))).contains("start", "end");

		JsonNode followUps = this.api.schema(this.api.operation("GET /api/follow-ups").at("/responses/200/content"));
		JsonNode followUp = this.api.resolve(followUps.at("/properties/items/items"));
		assertThat(OpenApiDocument.names(followUp.path("properties"))).contains("id", "submissionId", "assessmentId", "clientId",
				"clientName", "totalScore", "bandCode", "riskFlags", "priority", "status", "claimedBy", "bookingId",
				"createdAt");

		JsonNode therapists = this.api.schema(this.api.operation("GET /api/therapists").at("/responses/200/content"));
		assertThat(OpenApiDocument.names(this.api.resolve(therapists.path("items")).path("properties"))).contains("id", "displayName", "bio",
				"specialties", "languages", "timeZone", "consultationMinutes");
		assertThat(this.api.operation("GET /api/therapists/me/calendar.ics").at("/responses/200/content").has("text/calendar"))
			.isTrue();
	}

}
