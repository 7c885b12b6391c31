package org.mutuality.local.e2e;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.mutuality.platform.test.security.DemoAccount;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mutuality.local.e2e.Browser.testId;

/**
 * What people do on the site, in headless Chromium against the dev stack ({@code ./mutuality up},
 * shared through {@link DevStackExtension}): an anonymous reader searches and reads; a new client
 * registers on Keycloak's page, takes GAD-7, books from the result, moves and cancels the
 * consultation; a therapist claims the follow-up that client's result created (after the event
 * crossed Kafka) and closes it; an admin writes and publishes an article that then shows on the
 * home page. Journeys run in order (the third needs the second's submission). Each keeps numbered
 * screenshots under {@code target/screenshots/<journey>/}, and the page, its address and the
 * browser console when it fails. Skips, saying how to install it, when Chromium is missing.
 */
@ExtendWith(DevStackExtension.class)
@TestMethodOrder(OrderAnnotation.class)
@Order(2)
class BrowserJourneysEndToEndTests {

	/** The submission the new client's GAD-7 made in journey 2; journey 3 finds its follow-up. */
	private static String submissionId;

	private static String clientName;

	private Browser browser;

	/** Whether journey 2 ended with the booking cancelled, which puts its follow-up back in the open queue. */
	private static boolean followUpReopened;

	private RunningDevStack stack;

	/**
	 * Keeps the browser's view of a failure under target/screenshots, and prints what CI keeps: the
	 * end of chromedriver's and the gateway's logs (a page that never finishes loading leaves the
	 * browser unable to answer, so only the logs can say what it was waiting for).
	 */
	@RegisterExtension
	final TestExecutionExceptionHandler keepFailure = (context, failure) -> {
		if (this.browser != null) {
			this.browser.recordFailure(failure, this.stack.logFile("gateway"));
			System.out.println("=== " + context.getDisplayName() + " failed: " + failure + "\n--- chromedriver.log (end)\n"
					+ this.browser.driverLogTail(40) + "\n--- gateway.log (end)\n" + this.stack.logTail("gateway", 40)
					+ "\n===");
		}
		throw failure;
	};

	@BeforeAll
	static void chromiumIsInstalled() {
		if (!Browser.isInstalled()) {
			System.err.println("*** SKIPPING the browser journeys: " + Browser.INSTALL_HINT + " ***");
		}
		assumeTrue(Browser.isInstalled(), () -> "SKIPPED: " + Browser.INSTALL_HINT);
	}

	@BeforeEach
	void devStackIsRunning(RunningDevStack stack) {
		this.stack = stack;
		assertThat(stack.process().isAlive()).as(() -> "the dev stack runs; its output:\n" + stack.tail()).isTrue();
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	@Order(1)
	void anonymousReaderSearchesFiltersByTopicAndReadsAnArticle() throws Exception {
		this.browser = Browser.start("1-anonymous-reading");
		this.browser.open("/");
		this.browser.awaitLoaded(By.id("articles"));
		List<String> slugs = slugsOfCards();
		assertThat(slugs).as("the published demo articles").hasSizeGreaterThanOrEqualTo(5).doesNotContainNull();
		this.browser.visible(testId("nav-login"));
		this.browser.visible(testId("nav-register"));
		this.browser.screenshot("home");

		search("worry");
		assertThat(titlesOfCards()).contains("When worry will not switch off");
		assertThat(this.browser.all(testId("article-card")).size()).isLessThan(slugs.size());
		this.browser.screenshot("search-worry");

		search("zzyzzx-nothing-matches");
		assertThat(this.browser.visible(testId("no-results")).getText()).contains("No articles match");
		this.browser.screenshot("search-no-results");

		this.browser.type(testId("search-input"), "");
		this.browser.until("the topic options to load", (driver) -> !driver
			.findElements(By.cssSelector("[data-testid='topic-filter'] option[value='anxiety']"))
			.isEmpty());
		new Select(this.browser.visible(testId("topic-filter"))).selectByValue("anxiety");
		this.browser.click(testId("search-submit"));
		awaitArticles("topic=anxiety");
		assertThat(titlesOfCards()).contains("When worry will not switch off");
		for (WebElement card : this.browser.all(testId("article-card"))) {
			assertThat(card.findElements(By.cssSelector("a.tag[href='/?topic=anxiety']")))
				.as("article %s is on the topic anxiety", card.getDomAttribute("data-slug"))
				.isNotEmpty();
		}
		this.browser.screenshot("topic-filter-anxiety");

		this.browser.click(testId("topic-link", "data-topic", "couples-therapy"));
		awaitArticles("topic=couples-therapy");
		assertThat(titlesOfCards()).contains("Couples therapy is not a last resort")
			.doesNotContain("When worry will not switch off");
		this.browser.screenshot("topic-link-couples-therapy");

		this.browser.click(testId("search-clear"));
		this.browser.awaitUrl("the home page without a search", (url) -> url.equals(RunningDevStack.GATEWAY_URL + "/"));
		this.browser.awaitLoaded(By.id("articles"));
		assertThat(slugsOfCards()).isEqualTo(slugs);
		search("worry");
		WebElement worry = this.browser.all(testId("article-link"))
			.stream()
			.filter((link) -> link.getText().equals("When worry will not switch off"))
			.findFirst()
			.orElseThrow();
		worry.click();
		this.browser.awaitUrl("an article page", (url) -> url.contains("/article.html?slug="));
		assertThat(this.browser.visible(testId("article-title")).getText()).isEqualTo("When worry will not switch off");
		assertThat(this.browser.visible(testId("article-body")).getText()).hasSizeGreaterThan(200);
		WebElement cta = this.browser.visible(testId("cta-assessment"));
		assertThat(cta.getDomAttribute("href")).isEqualTo("/assessment.html?id=gad-7");
		this.browser.screenshot("article-with-cta");

		cta.click();
		assertThat(this.browser.visible(testId("assessment-title")).getText()).contains("GAD-7");
		this.browser.visible(testId("answer-q1-0"));
		this.browser.screenshot("cta-opens-gad-7");
	}

	@Test
	@Order(2)
	void newClientRegistersTakesGad7BooksMovesAndCancelsAConsultation() throws Exception {
		this.browser = Browser.start("2-client-assessment-and-booking");
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String username = "journey-" + suffix;
		clientName = "Robin Journey" + suffix;
		this.browser.open("/");
		this.browser.click(testId("nav-register"));
		this.browser.visible(By.id("kc-register-form"));
		this.browser.type(By.id("username"), username);
		this.browser.type(By.id("email"), username + "@example.org");
		this.browser.type(By.id("firstName"), "Robin");
		this.browser.type(By.id("lastName"), "Journey" + suffix);
		this.browser.type(By.id("password"), "Journey-pass-" + suffix);
		this.browser.type(By.id("password-confirm"), "Journey-pass-" + suffix);
		this.browser.screenshot("keycloak-registration");
		this.browser.visible(By.id("kc-register-form")).submit();
		this.browser.awaitUrl("the site again", (url) -> url.startsWith(RunningDevStack.GATEWAY_URL + "/"));
		this.browser.until("the new client to be logged in",
				(driver) -> driver.findElement(testId("nav-user")).getText().contains(clientName));
		this.browser.visible(testId("nav-account"));
		this.browser.screenshot("registered-and-logged-in");

		this.browser.click(testId("nav-assessments"));
		this.browser.click(testId("take-gad-7"));
		for (int item = 1; item <= 7; item++) {
			this.browser.click(testId("answer-q" + item + "-3"));
			if (item % 3 == 0 || item == 7) {
				this.browser.screenshot("gad-7-answers-to-q" + item);
				this.browser.click(testId("assessment-next"));
			}
		}
		this.browser.click(testId("consent-to-contact"));
		assertThat(this.browser.visible(testId("consent-to-contact")).isSelected()).isTrue();
		this.browser.screenshot("gad-7-consent");
		this.browser.click(testId("assessment-submit"));

		this.browser.awaitUrl("the result page", (url) -> url.contains("/result.html?id="));
		submissionId = this.browser.queryParameter("id");
		assertThat(this.browser.visible(testId("result-total")).getText()).isEqualTo("21");
		WebElement band = this.browser.visible(testId("result-band"));
		assertThat(band.getDomAttribute("data-band")).isEqualTo("SEVERE");
		assertThat(band.getText()).isEqualTo("Severe");
		// booking-service makes the follow-up from the assessment event on Kafka; the page looks for
		// it for a few seconds, so on a loaded machine a reload may be needed, as a person would do
		String bookHref = this.browser.until(
				"the result's booking link to carry the follow-up (the assessment event crosses Kafka)",
				Duration.ofSeconds(120), (driver) -> {
					if (!"false".equals(driver.findElement(By.id("result")).getDomAttribute("aria-busy"))) {
						return null;
					}
					String href = driver.findElement(testId("result-book")).getDomAttribute("href");
					if (href.contains("followUp=")) {
						return href;
					}
					driver.navigate().refresh();
					return null;
				});
		this.browser.screenshot("result-severe");

		this.browser.click(testId("result-book"));
		this.browser.awaitUrl("the booking page for the follow-up", (url) -> url.contains("/book.html?followUp="));
		assertThat(bookHref).endsWith("followUp=" + this.browser.queryParameter("followUp"));
		String therapist = DemoAccount.THERAPIST1.id();
		this.browser.click(testId("choose-therapist", "data-therapist-id", therapist));
		// this week may have no free time left (late in the week, past the minimum notice): the page then says so
		awaitWeek();
		String thisWeek = this.browser.visible(testId("week-heading")).getText();
		this.browser.click(testId("week-next"));
		awaitSlots();
		assertThat(this.browser.visible(testId("week-heading")).getText()).isNotEqualTo(thisWeek);
		List<String> starts = startsOfSlots();
		assertThat(starts).as("therapist1's free times next week").hasSizeGreaterThan(1);
		String first = starts.get(0);
		this.browser.click(testId("slot", "data-start", first));
		this.browser.visible(testId("booking-summary"));
		this.browser.screenshot("slot-chosen");
		this.browser.click(testId("confirm-booking"));

		this.browser.awaitUrl("the booked consultation", (url) -> url.contains("/booking.html?id=") && url.contains("done=booked"));
		awaitSuccessMessage("is booked");
		assertSameInstant(this.browser.visible(testId("booking-when")).getDomAttribute("data-start"), first);
		assertThat(this.browser.visible(testId("booking-status")).getDomAttribute("data-status")).isEqualTo("CONFIRMED");
		this.browser.screenshot("booked");

		this.browser.click(testId("booking-reschedule"));
		this.browser.awaitUrl("the rescheduling page", (url) -> url.contains("/book.html?reschedule="));
		awaitSlots();
		String later = startsOfSlots().stream()
			.filter((start) -> OffsetDateTime.parse(start).isAfter(OffsetDateTime.parse(first)))
			.reduce((a, b) -> b)
			.orElseThrow(() -> new AssertionError("no later free time in the booking's week"));
		this.browser.click(testId("slot", "data-start", later));
		assertThat(this.browser.visible(testId("confirm-booking")).getText()).isEqualTo("Move my consultation");
		this.browser.screenshot("new-slot-chosen");
		this.browser.click(testId("confirm-booking"));

		this.browser.awaitUrl("the moved consultation", (url) -> url.contains("done=rescheduled"));
		awaitSuccessMessage("moved");
		assertSameInstant(this.browser.visible(testId("booking-when")).getDomAttribute("data-start"), later);
		this.browser.screenshot("rescheduled");

		this.browser.click(testId("booking-cancel"));
		this.browser.click(testId("cancel-confirm"));
		this.browser.visible(testId("booking-status", "data-status", "CANCELLED"));
		awaitSuccessMessage("cancelled");
		assertThat(this.browser.isPresent(testId("booking-reschedule"))).isFalse();
		this.browser.screenshot("cancelled");
		followUpReopened = true;

		logOut();
	}

	@Test
	@Order(3)
	void therapistClaimsAndClosesTheFollowUpOfTheNewClientsResult() throws Exception {
		// the booking made from the follow-up marks it BOOKED; only its cancellation puts it back in the open queue
		assumeTrue(followUpReopened, "journey 2 (the new client's GAD-7, booking and cancellation) failed before it "
				+ "cancelled the booking made from the follow-up; its own failure says why");
		this.browser = Browser.start("3-therapist-follow-up");
		logIn(DemoAccount.THERAPIST1);
		this.browser.click(testId("nav-follow-ups"));
		this.browser.awaitUrl("the follow-up queue", (url) -> url.contains("/therapist/follow-ups.html"));
		By followUp = testId("follow-up", "data-submission-id", submissionId);
		this.browser.until("the follow-up of submission " + submissionId + " in the open queue", Duration.ofSeconds(120),
				(driver) -> {
					if (!"false".equals(driver.findElement(By.id("follow-ups")).getDomAttribute("aria-busy"))) {
						return false;
					}
					if (!driver.findElements(followUp).isEmpty()) {
						return true;
					}
					driver.navigate().refresh();
					return false;
				});
		WebElement card = this.browser.visible(followUp);
		assertThat(card.getDomAttribute("data-status")).isEqualTo("OPEN");
		assertThat(card.getText()).contains(clientName).contains("21");
		this.browser.screenshot("open-queue");

		this.browser.click(By.cssSelector("[data-testid='follow-up'][data-submission-id='" + submissionId
				+ "'] [data-testid='follow-up-claim']"));
		awaitSuccessMessage("You claimed the follow-up for " + clientName);
		this.browser.screenshot("claimed");

		this.browser.click(testId("tab-CLAIMED"));
		this.browser.awaitLoaded(By.id("follow-ups"));
		WebElement claimed = this.browser.visible(followUp);
		assertThat(claimed.getDomAttribute("data-status")).isEqualTo("CLAIMED");
		assertThat(claimed.findElement(testId("follow-up-status")).getText()).isEqualTo("Claimed by you");
		this.browser.click(By.cssSelector("[data-testid='follow-up'][data-submission-id='" + submissionId
				+ "'] [data-testid='follow-up-close']"));
		this.browser.type(testId("follow-up-outcome"), "Called; the client will book again when ready.");
		this.browser.screenshot("closing");
		this.browser.click(testId("follow-up-close-confirm"));
		awaitSuccessMessage("closed");
		this.browser.until("the closed follow-up to leave the claimed list",
				(driver) -> driver.findElements(followUp).isEmpty());
		this.browser.screenshot("closed");

		logOut();
	}

	@Test
	@Order(4)
	void adminWritesPreviewsAndPublishesAnArticleThatThenShowsOnTheHomePage() throws Exception {
		this.browser = Browser.start("4-admin-publishes-article");
		String title = "Browser journey " + UUID.randomUUID().toString().substring(0, 8);
		logIn(DemoAccount.ADMIN1);
		this.browser.click(testId("nav-admin-articles"));
		this.browser.click(testId("article-new"));
		this.browser.awaitLoaded(testId("article-form"));
		this.browser.type(testId("article-title-input"), title);
		this.browser.type(testId("article-summary-input"), "Written by the browser journey.");
		this.browser.type(testId("article-topics-input"), "anxiety, self-care");
		this.browser.type(testId("article-body-input"),
				"## Breathing out\n\nA **slow** breath out tells the body it is safe.\n\n- in for four\n- out for six\n\n"
						+ "![A calm lake](https://images.example.org/lake.jpg)\n");
		this.browser.until("the preview to render the Markdown", (driver) -> {
			WebElement preview = driver.findElement(testId("article-preview"));
			return !preview.findElements(By.cssSelector("h2")).isEmpty()
					&& !preview.findElements(By.xpath(".//strong[text()='slow']")).isEmpty()
					&& preview.findElements(By.cssSelector("li")).size() == 2;
		});
		// an image from another host: the site's policy refuses it, and the editor says so
		this.browser.until("the editor to name the refused image's host",
				(driver) -> driver.findElement(testId("image-hint")).getText().contains("images.example.org"));
		this.browser.screenshot("editor-preview");

		this.browser.click(testId("article-save"));
		awaitSuccessMessage("Saved.");
		this.browser.visible(testId("article-status-text", "data-status", "DRAFT"));
		this.browser.awaitUrl("the saved article's editor", (url) -> url.contains("slug="));
		String slug = this.browser.queryParameter("slug");
		this.browser.screenshot("saved-draft");

		this.browser.click(testId("publish-now"));
		this.browser.visible(testId("article-status-text", "data-status", "PUBLISHED"));
		awaitSuccessMessage("Published.");
		this.browser.screenshot("published");

		this.browser.click(testId("nav-home"));
		this.browser.awaitLoaded(By.id("articles"));
		WebElement card = this.browser.visible(testId("article-card", "data-slug", slug));
		assertThat(card.findElement(testId("article-link")).getText()).isEqualTo(title);
		this.browser.screenshot("on-the-home-page");

		logOut();
		this.browser.awaitLoaded(By.id("articles"));
		assertThat(this.browser.visible(testId("article-card", "data-slug", slug)).getText()).contains(title);
		this.browser.screenshot("public-sees-it");
	}

	/** Waits for the page's success message to say this (an earlier message may still show meanwhile). */
	private void awaitSuccessMessage(String text) {
		this.browser.until("a success message saying '" + text + "'", (driver) -> driver.findElements(testId("success-message"))
			.stream()
			.anyMatch((message) -> message.isDisplayed() && message.getText().contains(text)));
	}

	private void search(String words) {
		this.browser.type(testId("search-input"), words);
		this.browser.click(testId("search-submit"));
		awaitArticles("q=" + words);
	}

	/** Waits for the list the home page shows for a search or topic, which it puts in the address. */
	private void awaitArticles(String queryPart) {
		this.browser.awaitUrl("a search for " + queryPart, (url) -> url.contains(queryPart));
		this.browser.awaitLoaded(By.id("articles"));
	}

	private List<String> slugsOfCards() {
		return this.browser.all(testId("article-card")).stream().map((card) -> card.getDomAttribute("data-slug")).toList();
	}

	private List<String> titlesOfCards() {
		return this.browser.all(testId("article-link")).stream().map(WebElement::getText).toList();
	}

	/** Waits until the week of free times has loaded and shows some. */
	private void awaitSlots() {
		this.browser.until("free times to load",
				(driver) -> weekLoaded(driver) && !driver.findElements(testId("slot")).isEmpty());
	}

	/** Waits until the week has loaded: its free times, or the notice that it has none. */
	private void awaitWeek() {
		this.browser.until("the week to load", (driver) -> weekLoaded(driver)
				&& !(driver.findElements(testId("slot")).isEmpty() && driver.findElements(testId("no-slots")).isEmpty()));
	}

	private static boolean weekLoaded(WebDriver driver) {
		return "false".equals(driver.findElement(By.id("slots")).getDomAttribute("aria-busy"));
	}

	private List<String> startsOfSlots() {
		return this.browser.all(testId("slot")).stream().map((slot) -> slot.getDomAttribute("data-start")).toList();
	}

	private static void assertSameInstant(String actual, String expected) {
		assertThat(OffsetDateTime.parse(actual).toInstant()).isEqualTo(OffsetDateTime.parse(expected).toInstant());
	}

	/** Logs in on Keycloak's page from the site's header, coming back to the home page. */
	private void logIn(DemoAccount account) {
		this.browser.open("/");
		this.browser.click(testId("nav-login"));
		this.browser.visible(By.id("kc-form-login"));
		this.browser.type(By.id("username"), account.username());
		this.browser.type(By.id("password"), account.password());
		this.browser.screenshot("keycloak-login-" + account.username());
		this.browser.click(By.id("kc-login"));
		this.browser.awaitUrl("the site again", (url) -> url.startsWith(RunningDevStack.GATEWAY_URL + "/"));
		this.browser.until(account.username() + " to be logged in",
				(driver) -> driver.findElement(testId("nav-user")).getText().contains(account.displayName()));
		this.browser.screenshot("logged-in-" + account.username());
	}

	/** Logs out from the header; the gateway ends the Keycloak session too and comes back home. */
	private void logOut() {
		this.browser.click(testId("nav-logout"));
		this.browser.awaitUrl("the home page after logging out", (url) -> url.equals(RunningDevStack.GATEWAY_URL + "/"));
		this.browser.visible(testId("nav-login"));
		assertThat(this.browser.isPresent(testId("nav-user"))).isFalse();
		this.browser.screenshot("logged-out");
	}

}
