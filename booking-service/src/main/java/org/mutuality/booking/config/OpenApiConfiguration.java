package org.mutuality.booking.config;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.mutuality.platform.security.CurrentUser;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's OpenAPI description at {@code /v3/api-docs} (springdoc; Swagger UI is the gateway's): API.md's
 * Booking part with its role rules, the bearer scheme, and the RFC 9457 problem answers every operation can give.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	/** The name of the bearer JWT security scheme that protected operations refer to. */
	static final String BEARER = "bearer-jwt";

	private static final String PROBLEM = "Problem";

	private static final String PROBLEM_JSON = "application/problem+json";

	static {
		// the caller, resolved from the token, is not a request parameter
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
	}

	@Bean
	OpenAPI bookingOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Mutuality booking-service")
				.version("v1")
				.description("""
						Therapists' profiles and availability, free consultation slots, bookings (book, list, \
						cancel, reschedule), therapists' calendars and the follow-up queue (API.md, Booking). \
						Follow-ups come from the Kafka event `assessment.completed.v1` (API.md, Events), which is \
						not part of this HTTP description; booking emails leave through a mail outbox. Reached \
						through the gateway; requests carry `Authorization: Bearer <access token>` from Keycloak's \
						`mutuality` realm where a role is required, and a bad token is 401 even on a public \
						operation. Errors are RFC 9457 `application/problem+json`."""))
			.servers(List.of(new Server().url("/").description("The gateway (or the service itself)")))
			.components(new Components()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("JWT")
							.description("An access token of Keycloak's realm mutuality; roles in realm_access.roles")));
	}

	/**
	 * Gives every error answer an operation declares the problem+json body, and adds those that follow from its
	 * shape: 400 when it takes parameters or a body, 401 always (a bad token), 403 when it requires a role, 404 when
	 * its path names a resource.
	 */
	@Bean
	OpenApiCustomizer problemResponses() {
		return (openApi) -> {
			openApi.getComponents().addSchemas(PROBLEM, problemSchema());
			openApi.getPaths()
				.forEach((path, item) -> item.readOperationsMap().values().forEach((op) -> addProblems(path, op)));
		};
	}

	private static void addProblems(String path, Operation op) {
		ApiResponses responses = (op.getResponses() != null) ? op.getResponses() : new ApiResponses();
		if (takesInput(op)) {
			addProblem(responses, "400", "Malformed JSON, wrong types, failed validation or unknown query values");
		}
		addProblem(responses, "401", "Missing, expired, forged or wrong-issuer token");
		if (op.getSecurity() != null && !op.getSecurity().isEmpty()) {
			addProblem(responses, "403", "Authenticated, but the role may not do this");
		}
		if (path.contains("{")) {
			addProblem(responses, "404", "Not found, or not the caller's to see");
		}
		responses.forEach((status, response) -> {
			if (status.matches("[45]\\d\\d")) {
				// springdoc gives declared answers the return type's body; errors are problems
				response.setContent(problemContent());
			}
		});
		op.setResponses(responses);
	}

	private static boolean takesInput(Operation op) {
		return op.getRequestBody() != null || (op.getParameters() != null && !op.getParameters().isEmpty());
	}

	private static void addProblem(ApiResponses responses, String status, String description) {
		if (!responses.containsKey(status)) {
			responses.addApiResponse(status, problem(description));
		}
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description).content(problemContent());
	}

	private static Content problemContent() {
		return new Content().addMediaType(PROBLEM_JSON,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
	}

	private static Schema<?> problemSchema() {
		Schema<?> error = new ObjectSchema().addProperty("field", new StringSchema())
			.addProperty("message", new StringSchema());
		return new ObjectSchema().description("RFC 9457 problem details (API.md, Conventions)")
			.properties(Map.of("type", new StringSchema().format("uri"), "title", new StringSchema(), "status",
					new IntegerSchema(), "detail", new StringSchema(), "instance", new StringSchema().format("uri"),
					"errors", new ArraySchema().items(error).description("One entry per invalid field (400 only)")));
	}

}
