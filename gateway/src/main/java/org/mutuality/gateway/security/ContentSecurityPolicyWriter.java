package org.mutuality.gateway.security;

import java.net.URI;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the {@code Content-Security-Policy} of everything the gateway answers: the configured
 * policy, with Swagger UI's pages getting their own (they need inline styles and data: images). A
 * policy a routed service already set is kept.
 */
final class ContentSecurityPolicyWriter implements ServerHttpHeadersWriter {

	static final String HEADER = "Content-Security-Policy";

	private final String policy;

	private final String apiDocsPolicy;

	ContentSecurityPolicyWriter(EdgeSecurityProperties properties, String loginOrigin) {
		this.policy = properties.contentSecurityPolicy().replace("{login-origin}", loginOrigin).trim();
		this.apiDocsPolicy = properties.apiDocsContentSecurityPolicy().replace("{login-origin}", loginOrigin).trim();
	}

	@Override
	public Mono<Void> writeHttpHeaders(ServerWebExchange exchange) {
		HttpHeaders headers = exchange.getResponse().getHeaders();
		if (!headers.containsHeader(HEADER)) {
			String path = exchange.getRequest().getPath().pathWithinApplication().value();
			headers.set(HEADER, isApiDocs(path) ? this.apiDocsPolicy : this.policy);
		}
		return Mono.empty();
	}

	private static boolean isApiDocs(String path) {
		return path.equals("/swagger-ui.html") || path.startsWith("/swagger-ui/") || path.startsWith("/webjars/swagger-ui/");
	}

	/** The origin ({@code scheme://host[:port]}) of an issuer URI, or an empty string when there is none. */
	static String originOf(String issuerUri) {
		if (issuerUri == null || issuerUri.isBlank()) {
			return "";
		}
		URI uri = URI.create(issuerUri.trim());
		if (uri.getScheme() == null || uri.getHost() == null) {
			return "";
		}
		return uri.getScheme() + "://" + uri.getHost() + ((uri.getPort() != -1) ? ":" + uri.getPort() : "");
	}

}
