package org.mutuality.content.feed;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the Atom 1.0 feed of the latest published articles (with ROME) and the sitemap of all published
 * article pages (sitemaps.org 0.9).
 */
@Service
@Transactional(readOnly = true)
class FeedService {

	static final int FEED_SIZE = 20;

	/** The sitemap protocol's limit of URLs per file. */
	static final int SITEMAP_LIMIT = 50_000;

	static final String SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

	private final PublishedArticles articles;

	private final SiteProperties site;

	FeedService(PublishedArticles articles, SiteProperties site) {
		this.articles = articles;
		this.site = site;
	}

	String atomFeed() {
		List<PublishedArticle> latest = this.articles.latest(FEED_SIZE);
		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType("atom_1.0");
		feed.setUri(this.site.base() + "/api/feed");
		feed.setTitle(this.site.title());
		feed.setLink(this.site.base() + "/");
		feed.setLinks(List.of(link("alternate", this.site.base() + "/", "text/html"),
				link("self", this.site.base() + "/api/feed", "application/atom+xml")));
		feed.setPublishedDate(Date.from(latest.stream()
			.map(PublishedArticle::lastModified)
			.max(Instant::compareTo)
			.orElse(Instant.EPOCH)));
		feed.setEntries(latest.stream().map(this::entry).toList());
		try {
			return new SyndFeedOutput().outputString(feed, true);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("The Atom feed could not be written", ex);
		}
	}

	String sitemap() {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("urlset");
			xml.writeDefaultNamespace(SITEMAP_NAMESPACE);
			for (PublishedArticle article : this.articles.all(SITEMAP_LIMIT)) {
				xml.writeStartElement("url");
				element(xml, "loc", this.site.articleUrl(article.slug()));
				element(xml, "lastmod", DateTimeFormatter.ISO_INSTANT.format(article.lastModified()));
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("The sitemap could not be written", ex);
		}
		return out.toString();
	}

	private SyndEntry entry(PublishedArticle article) {
		SyndEntry entry = new SyndEntryImpl();
		entry.setUri("urn:uuid:" + article.id());
		entry.setTitle(article.title());
		entry.setLink(this.site.articleUrl(article.slug()));
		entry.setAuthor(article.authorName());
		entry.setPublishedDate(Date.from(article.publishedAt()));
		entry.setUpdatedDate(Date.from(article.lastModified()));
		entry.setDescription(content("text", article.summary()));
		entry.setContents(List.of(content("html", article.bodyHtml())));
		List<SyndCategory> categories = new ArrayList<>();
		for (String topic : article.topics()) {
			SyndCategory category = new SyndCategoryImpl();
			category.setName(topic);
			categories.add(category);
		}
		entry.setCategories(categories);
		return entry;
	}

	private static SyndContent content(String type, String value) {
		SyndContent content = new SyndContentImpl();
		content.setType(type);
		content.setValue(value);
		return content;
	}

	private static SyndLink link(String rel, String href, String type) {
		SyndLink link = new SyndLinkImpl();
		link.setRel(rel);
		link.setHref(href);
		link.setType(type);
		return link;
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

}
