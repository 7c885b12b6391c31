package org.mutuality.content.feed;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the practice's site lives, for the absolute links of the feed and the sitemap.
 *
 * @param baseUrl the public address of the site (the gateway), without a trailing slash
 * @param articlePath the path of an article's page under it, followed by the slug
 * @param title the feed's title
 */
@ConfigurationProperties("mutuality.content.site")
record SiteProperties(@DefaultValue("http://localhost:8080") URI baseUrl, @DefaultValue("/articles/") String articlePath,
		@DefaultValue("Mutuality articles") String title) {

	String base() {
		String base = this.baseUrl.toString();
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	String articleUrl(String slug) {
		return base() + this.articlePath + slug;
	}

}
