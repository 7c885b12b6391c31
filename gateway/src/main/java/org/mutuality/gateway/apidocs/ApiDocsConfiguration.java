package org.mutuality.gateway.apidocs;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.gateway.filter.factory.rewrite.ModifyResponseBodyGatewayFilterFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One API document for the platform: Swagger UI at {@code /swagger-ui.html} (springdoc) lists the
 * services, whose OpenAPI descriptions it reads through the gateway routes
 * {@code /v3/api-docs/content}, {@code /assessment} and {@code /booking} (application.yaml).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

	@Bean
	ServersThroughGatewayGatewayFilterFactory serversThroughGatewayGatewayFilterFactory(
			ModifyResponseBodyGatewayFilterFactory modifyResponseBody, JsonMapper json) {
		return new ServersThroughGatewayGatewayFilterFactory(modifyResponseBody, json);
	}

}
