package org.mutuality.gateway.apidocs;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.rewrite.ModifyResponseBodyGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.rewrite.RewriteFunction;
import org.springframework.web.server.ServerWebExchange;

/**
 * The {@code ServersThroughGateway} route filter: rewrites a service's OpenAPI description so that
 * its {@code servers} is the gateway ({@code "/"}), so Swagger UI's "try it out" goes through the
 * gateway (same origin, rate limits, session) and never straight to a service. A body that is not
 * an OpenAPI JSON object is passed on unchanged.
 */
final class ServersThroughGatewayGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

	private final ModifyResponseBodyGatewayFilterFactory modifyResponseBody;

	private final JsonMapper json;

	ServersThroughGatewayGatewayFilterFactory(ModifyResponseBodyGatewayFilterFactory modifyResponseBody, JsonMapper json) {
		super(Object.class);
		this.modifyResponseBody = modifyResponseBody;
		this.json = json;
	}

	@Override
	public GatewayFilter apply(Object config) {
		RewriteFunction<String, String> rewrite = (ServerWebExchange exchange, String body) -> Mono.justOrEmpty(rewrite(body));
		return this.modifyResponseBody
			.apply(new ModifyResponseBodyGatewayFilterFactory.Config().setRewriteFunction(String.class, String.class, rewrite));
	}

	String rewrite(String body) {
		if (body == null || body.isBlank()) {
			return body;
		}
		try {
			JsonNode document = this.json.readTree(body);
			if (!(document instanceof ObjectNode object)) {
				return body;
			}
			object.set("servers", this.json.valueToTree(List.of(Map.of("url", "/", "description", "the gateway"))));
			return this.json.writeValueAsString(object);
		}
		catch (JacksonException ex) {
			return body;
		}
	}

}
