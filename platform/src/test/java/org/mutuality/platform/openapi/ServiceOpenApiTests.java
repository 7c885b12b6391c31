package org.mutuality.platform.openapi;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceOpenApiTests {

	@Test
	void describesTheServiceWithTheBearerSchemeAndTheSharedConventions() {
		OpenAPI openApi = ServiceOpenApi.describe("Mutuality example-service", "Examples (API.md, Examples).");
		assertThat(openApi.getInfo().getTitle()).isEqualTo("Mutuality example-service");
		assertThat(openApi.getInfo().getDescription()).startsWith("Examples (API.md, Examples). Reached through the gateway")
			.contains("application/problem+json");
		assertThat(openApi.getComponents().getSecuritySchemes()).containsOnlyKeys(ServiceOpenApi.BEARER);
		assertThat(openApi.getServers()).singleElement().satisfies((server) -> assertThat(server.getUrl()).isEqualTo("/"));
	}

	@Test
	void givesEachOperationTheProblemsItsShapeImplies() {
		Operation publicList = new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse()));
		Operation protectedUpdate = new Operation().addParametersItem(new PathParameter().name("id"))
			.requestBody(new RequestBody())
			.addSecurityItem(new SecurityRequirement().addList(ServiceOpenApi.BEARER))
			.responses(new ApiResponses().addApiResponse("200", new ApiResponse())
				.addApiResponse("409", new ApiResponse().description("Stale")
					.content(new Content().addMediaType("application/json", new MediaType()))));
		OpenAPI openApi = ServiceOpenApi.describe("t", "d")
			.paths(new Paths().addPathItem("/api/things", new PathItem().get(publicList))
				.addPathItem("/api/things/{id}", new PathItem().put(protectedUpdate)));

		ServiceOpenApi.problemResponses().customise(openApi);

		assertThat(openApi.getComponents().getSchemas()).containsKey("Problem");
		assertThat(publicList.getResponses()).containsOnlyKeys("200", "401");
		assertThat(protectedUpdate.getResponses()).containsOnlyKeys("200", "400", "401", "403", "404", "409");
		for (String status : List.of("400", "401", "403", "404", "409")) {
			assertThat(protectedUpdate.getResponses().get(status).getContent()).containsOnlyKeys("application/problem+json");
		}
		assertThat(protectedUpdate.getResponses().get("409").getDescription()).isEqualTo("Stale");
	}

}
