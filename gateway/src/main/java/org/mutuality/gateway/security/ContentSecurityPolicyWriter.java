package org.mutuality.gateway.security;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

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

	private static final String HOST_LABEL = "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?";

	/** {@code scheme://host[:port]}, the host's first label possibly {@code *}. */
	private static final Pattern IMAGE_SOURCE = Pattern
		.compile("https?://(\\*\\.)?" + HOST_LABEL + "(\\." + HOST_LABEL + ")*(:[0-9]{1,5})?");

	private final String policy;

	private final String apiDocsPolicy;

	ContentSecurityPolicyWriter(EdgeSecurityProperties properties, String loginOrigin) {
		this.policy = withImageSources(properties.contentSecurityPolicy().replace("{login-origin}", loginOrigin).trim(),
				properties.imageSources());
		this.apiDocsPolicy = properties.apiDocsContentSecurityPolicy().replace("{login-origin}", loginOrigin).trim();
	}

	/**
	 * The policy with an {@code img-src} directive for the configured image origins, if there are any and the policy
	 * has no {@code img-src} of its own. Each origin must be a plain {@code scheme://host[:port]} (a leading
	 * {@code *.} allowed): anything else (a bare {@code *}, a keyword, a {@code ;}) would change more of the policy
	 * than which hosts images come from, and stops the gateway at start.
	 */
	static String withImageSources(String policy, List<String> imageSources) {
		for (String source : imageSources) {
			if (!IMAGE_SOURCE.matcher(source).matches()) {
				throw new IllegalArgumentException("mutuality.gateway.security.image-sources: '" + source
						+ "' is not an origin such as https://images.example.org");
			}
		}
		boolean ownImageSources = Arrays.stream(policy.split(";"))
			.map(String::strip)
			.anyMatch((directive) -> directive.startsWith("img-src"));
		if (imageSources.isEmpty() || ownImageSources) {
			return policy;
		}
		return policy.replaceAll(";\\s*$", "") + "; img-src 'self' " + String.join(" ", imageSources);
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
