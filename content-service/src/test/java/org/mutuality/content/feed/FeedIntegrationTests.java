package org.mutuality.content.feed;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.junit.jupiter.api.Test;
import org.mutuality.content.support.ContentIntegrationTest;
import org.mutuality.platform.test.security.DemoAccount;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

class FeedIntegrationTests extends ContentIntegrationTest {

	@Test
	void atomFeedListsPublishedArticlesNewestFirst() throws Exception {
		published("Older one", "First *body*.", "anxiety");
		published("Newer one", "Second body.");
		create(DemoAccount.THERAPIST1, article("A draft", "not in the feed"));

		MvcTestResult result = this.mvc.get().uri("/api/feed").exchange();
		assertThat(result).hasStatusOk();
		assertThat(MediaType.parseMediaType(result.getResponse().getContentType()))
			.isEqualTo(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"));
		assertThat(result.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("public");

		String xml = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		assertThat(feed.getTitle()).isEqualTo("Mutuality articles");
		List<SyndEntry> entries = feed.getEntries();
		assertThat(entries).extracting(SyndEntry::getTitle).containsExactly("Newer one", "Older one");
		SyndEntry older = entries.get(1);
		assertThat(older.getLink()).isEqualTo("http://localhost:8080/articles/older-one");
		assertThat(older.getUri()).startsWith("urn:uuid:");
		assertThat(older.getAuthor()).isEqualTo("Maya Okafor");
		assertThat(older.getPublishedDate()).isNotNull();
		assertThat(older.getContents().get(0).getValue()).contains("<em>body</em>");
		assertThat(older.getCategories()).extracting("name").containsExactly("anxiety");
	}

	@Test
	void keepsTheFeedValidWhenATitleOrSummaryWasPastedWithControlCharacters() throws Exception {
		publish(create(DemoAccount.THERAPIST1, Map.of("title", "Pasted\u000Btitle\u0001", "summary",
				"Line one\u000Bline two\uFFFE", "bodyMarkdown", "Body.")));
		MvcTestResult blank = this.mvc.post()
			.uri("/api/articles")
			.header(HttpHeaders.AUTHORIZATION, bearer(DemoAccount.THERAPIST1))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"\\u0001\\u0002\",\"bodyMarkdown\":\"Body.\"}")
			.exchange();
		assertThat(blank).hasStatus(400);

		MvcTestResult result = this.mvc.get().uri("/api/feed").exchange();
		assertThat(result).hasStatusOk();
		SyndFeed feed = new SyndFeedInput()
			.build(new StringReader(result.getResponse().getContentAsString(StandardCharsets.UTF_8)));
		assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).containsExactly("Pasted title");
		assertThat(feed.getEntries().get(0).getDescription().getValue()).isEqualTo("Line one line two");
	}

	@Test
	void answersAnAnonymousHeadOfTheFeedAndSitemap() {
		assertThat(this.mvc.head().uri("/api/feed").exchange()).hasStatusOk();
		assertThat(this.mvc.head().uri("/sitemap.xml").exchange()).hasStatusOk();
	}

	@Test
	void feedAnswersNotModifiedForItsETag() {
		published("Stable", "body");
		String etag = this.mvc.get().uri("/api/feed").exchange().getResponse().getHeader(HttpHeaders.ETAG);
		assertThat(this.mvc.get().uri("/api/feed").header(HttpHeaders.IF_NONE_MATCH, etag))
			.hasStatus(HttpStatus.NOT_MODIFIED);
	}

	@Test
	void sitemapListsPublishedArticlePagesAndIsValid() throws Exception {
		published("In the map", "body");
		create(DemoAccount.THERAPIST1, article("Not in the map", "body"));

		MvcTestResult result = this.mvc.get().uri("/sitemap.xml").exchange();
		assertThat(result).hasStatusOk();
		assertThat(MediaType.parseMediaType(result.getResponse().getContentType()).isCompatibleWith(MediaType.APPLICATION_XML))
			.isTrue();
		byte[] xml = result.getResponse().getContentAsByteArray();

		SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
		schemas.newSchema(getClass().getResource("sitemap.xsd"))
			.newValidator()
			.validate(new StreamSource(new ByteArrayInputStream(xml)));

		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Document document = factory.newDocumentBuilder().parse(new InputSource(new ByteArrayInputStream(xml)));
		NodeList locations = document.getElementsByTagNameNS(FeedService.SITEMAP_NAMESPACE, "loc");
		assertThat(locations.getLength()).isEqualTo(1);
		assertThat(locations.item(0).getTextContent()).isEqualTo("http://localhost:8080/articles/in-the-map");
		assertThat(document.getElementsByTagNameNS(FeedService.SITEMAP_NAMESPACE, "lastmod").getLength()).isEqualTo(1);
	}

}
