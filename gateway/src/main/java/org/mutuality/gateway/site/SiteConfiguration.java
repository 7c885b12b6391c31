package org.mutuality.gateway.site;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.accept;

/**
 * The home page at {@code /}, cached like the site's other files ({@code spring.web.resources.cache}):
 * browsers keep it and revalidate each use, so a release shows at once. Spring Boot's own welcome
 * page would be served with no validator and security's {@code no-store}.
 */
@Configuration(proxyBeanMethods = false)
class SiteConfiguration {

	@Bean
	RouterFunction<ServerResponse> homePage(@Value("classpath:/static/index.html") Resource index) throws IOException {
		Instant lastModified = Instant.ofEpochMilli(index.lastModified()).truncatedTo(ChronoUnit.SECONDS);
		return RouterFunctions.route(GET("/").and(accept(MediaType.TEXT_HTML)),
				(request) -> request.checkNotModified(lastModified)
					.switchIfEmpty(ServerResponse.ok()
						.contentType(MediaType.TEXT_HTML)
						.lastModified(lastModified)
						.cacheControl(CacheControl.noCache())
						.bodyValue(index)));
	}

}
