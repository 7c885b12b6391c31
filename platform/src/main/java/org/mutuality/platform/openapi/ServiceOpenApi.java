package org.mutuality.platform.openapi;

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

/**
 * The parts of a service's OpenAPI description ({@code /v3/api-docs}, springdoc; Swagger UI is the
 * gateway's) that every service shares: the bearer JWT scheme of Keycloak's {@code mutuality} realm,
 * a server relative to where the document was fetched (the gateway rewrites it), the caller as no
 * request parameter, and the RFC 9457 problem answers every operation can give.
 */
public final class ServiceOpenApi {

	/** The name of the bearer JWT security scheme that protected operations refer to. */
	public static final String BEARER = "bearer-jwt";

	private static final String PROBLEM = "Problem";

	private static final String PROBLEM_JSON = "application/problem+json";

	private static final String CONVENTIONS = """
			Reached through the gateway; requests carry `Authorization: Bearer <access token>` from Keycloak's \
			`mutuality` realm where a role is required, and a bad token is 401 even on a public operation. Errors \
			are RFC 9457 `application/problem+json`.""";

	static {
		// the caller, resolved from the token, is not a request parameter
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
	}

	private ServiceOpenApi() {
	}

	/**
	 * A service's description: its title and what it holds (the API.md part it follows), with the
	 * conventions every service shares appended.
	 */
	public static OpenAPI describe(String title, String whatItHolds) {
		return new OpenAPI()
			.info(new Info().title(title).version("v1").description(whatItHolds.strip() + " " + CONVENTIONS))
			.servers(List.of(new Server().url("/").description("The gateway (or the service itself)")))
			.components(new Components().addSecuritySchemes(BEARER,
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
	public static OpenApiCustomizer problemResponses() {
		return (openApi) -> {
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			openApi.getComponents().addSchemas(PROBLEM, problemSchema());
			if (openApi.getPaths() != null) {
				openApi.getPaths()
					.forEach((path, item) -> item.readOperationsMap().values().forEach((op) -> addProblems(path, op)));
			}
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
			responses.addApiResponse(status, new ApiResponse().description(description).content(problemContent()));
		}
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
