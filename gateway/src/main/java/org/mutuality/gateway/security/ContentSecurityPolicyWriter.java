package org.mutuality.gateway.security;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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

	/**
	 * {@code https://host[:port]}, the host's first label possibly {@code *} when two labels follow it (so not
	 * {@code https://*.com}); plain {@code http} only for the machine itself (a page served over https would not
	 * show such images anyway).
	 */
	private static final Pattern IMAGE_SOURCE = Pattern.compile("https://((\\*\\.)?" + HOST_LABEL + "\\." + HOST_LABEL
			+ "(\\." + HOST_LABEL + ")*|" + HOST_LABEL + ")(:[0-9]{1,5})?|http://(localhost|127\\.0\\.0\\.1)(:[0-9]{1,5})?");

	private final String policy;

	private final String apiDocsPolicy;

	ContentSecurityPolicyWriter(EdgeSecurityProperties properties, String loginOrigin) {
		this.policy = withImageSources(properties.contentSecurityPolicy().replace("{login-origin}", loginOrigin).trim(),
				properties.imageSources());
		this.apiDocsPolicy = properties.apiDocsContentSecurityPolicy().replace("{login-origin}", loginOrigin).trim();
	}

	/**
	 * The policy with an {@code img-src} directive for the configured image origins, if there are any. Each origin
	 * must be a plain {@code https://host[:port]} (a leading {@code *.} allowed before two labels): anything else (a
	 * bare {@code *}, a keyword, a {@code ;}, a whole top-level domain) would change more of the policy than which
	 * hosts images come from, and stops the gateway at start; so does a policy with an {@code img-src} of its own,
	 * which would leave the origins unused.
	 */
	static String withImageSources(String policy, List<String> imageSources) {
		for (String source : imageSources) {
			if (!IMAGE_SOURCE.matcher(source).matches()) {
				throw new IllegalArgumentException("mutuality.gateway.security.image-sources: '" + source
						+ "' is not an origin such as https://images.example.org");
			}
		}
		if (imageSources.isEmpty()) {
			return policy;
		}
		boolean ownImageSources = Arrays.stream(policy.split(";"))
			.map((directive) -> directive.strip().toLowerCase(Locale.ROOT))
			.anyMatch((directive) -> directive.startsWith("img-src"));
		if (ownImageSources) {
			throw new IllegalArgumentException("mutuality.gateway.security.image-sources is set, and the content security"
					+ " policy has an img-src of its own: name the image origins in one of them only");
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
