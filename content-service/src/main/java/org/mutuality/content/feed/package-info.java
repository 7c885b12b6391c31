/**
 * Syndication of published articles: the Atom feed and the sitemap.
 */
package org.mutuality.content.feed;
