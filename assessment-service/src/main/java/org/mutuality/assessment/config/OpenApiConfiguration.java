package org.mutuality.assessment.config;

import io.swagger.v3.oas.models.OpenAPI;
import org.mutuality.platform.openapi.ServiceOpenApi;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's OpenAPI description at {@code /v3/api-docs} (springdoc; Swagger UI is the gateway's): API.md's
 * Assessments part with its role rules, and what every service's description shares ({@link ServiceOpenApi}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI assessmentOpenApi() {
		return ServiceOpenApi.describe("Mutuality assessment-service", """
					The practice's self-assessments (PHQ-9, GAD-7, relationship-mutuality), scored submissions and their \
					results (API.md, Assessments). A submission also publishes the Kafka event `assessment.completed.v1` \
					(API.md, Events), which is not part of this HTTP description.""");
	}

	@Bean
	OpenApiCustomizer problemResponses() {
		return ServiceOpenApi.problemResponses();
	}

}
