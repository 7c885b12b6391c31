package org.mutuality.content.config;

import io.swagger.v3.oas.models.OpenAPI;
import org.mutuality.platform.openapi.ServiceOpenApi;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's OpenAPI description at {@code /v3/api-docs} (springdoc; Swagger UI is the gateway's): API.md's
 * Content part with its role rules, and what every service's description shares ({@link ServiceOpenApi}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI contentOpenApi() {
		return ServiceOpenApi.describe("Mutuality content-service", """
					Articles, topics, the Atom feed and the sitemap of the practice (API.md, Content).""");
	}

	@Bean
	OpenApiCustomizer problemResponses() {
		return ServiceOpenApi.problemResponses();
	}

}
