package org.mutuality.local.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.mutuality.platform.test.infra.support.ChildProcesses;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, with a fresh profile, driven through Debian's chromedriver (never one
 * Selenium Manager would download), pointed at the dev stack's gateway. Waits are explicit and
 * generous (a loaded 2-core machine), and each journey keeps numbered screenshots of its steps under
 * {@code target/screenshots/<journey>/}, plus the page, its address and the browser console when it
 * fails.
 */
final class Browser implements AutoCloseable {

	static final Path BINARY = Path.of("/usr/bin/chromium");

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	static final String INSTALL_HINT = "the browser journeys need Debian's Chromium and its driver at " + BINARY + " and "
			+ DRIVER + ": apt-get update && apt-get install -y chromium chromium-driver";

	/** Long enough for a first request to a cold service on a loaded 2-core machine; passing waits end at once. */
	static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Path PROFILES = Path.of("target", "chromium-profiles");

	private static final String NET_LOG = "netlog.json";

	private static final Pattern GATEWAY_PID = Pattern.compile("Starting GatewayApplication .* with PID (\\d+)");

	private final ChromeDriver driver;

	private final WebDriverWait wait;

	private final Path screenshots;

	private final Path profile;

	private final Path driverLog;

	private int step;

	/** The gateway's log, once the journey has failed. */
	private Path failedGatewayLog;

	private Browser(ChromeDriver driver, Path screenshots, Path profile) {
		this.driver = driver;
		this.wait = new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(200));
		this.wait.ignoring(StaleElementReferenceException.class);
		this.screenshots = screenshots;
		this.profile = profile;
		this.driverLog = screenshots.resolve("chromedriver.log");
	}

	/** The end of chromedriver's log: the commands it was given and what the browser answered. */
	String driverLogTail(int lines) {
		return ChildProcesses.tail(this.driverLog, lines);
	}

	static boolean isInstalled() {
		return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
	}

	/** A new browser for one journey; its screenshots go to {@code target/screenshots/<journey>/}. */
	static Browser start(String journey) throws IOException {
		Path screenshots = SCREENSHOTS.resolve(journey);
		deleteRecursively(screenshots);
		Files.createDirectories(screenshots);
		Files.createDirectories(PROFILES);
		Path profile = Files.createTempDirectory(PROFILES, journey + "-").toAbsolutePath();
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.withLogFile(screenshots.resolve("chromedriver.log").toFile())
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BINARY.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en-GB",
				// what the browser's network stack did (sockets, requests, their timing), kept when the journey fails
				"--log-net-log=" + screenshots.resolve(NET_LOG).toAbsolutePath(), "--net-log-capture-mode=Default");
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		driver.manage().timeouts().scriptTimeout(TIMEOUT);
		return new Browser(driver, screenshots, profile);
	}

	static By testId(String testId) {
		return By.cssSelector("[data-testid='" + testId + "']");
	}

	static By testId(String testId, String attribute, String value) {
		return By.cssSelector("[data-testid='" + testId + "'][" + attribute + "='" + value + "']");
	}

	/** Opens a page of the site, e.g. {@code "/"}. */
	void open(String path) {
		this.driver.get(RunningDevStack.GATEWAY_URL + path);
	}

	void reload() {
		this.driver.navigate().refresh();
	}

	String url() {
		return this.driver.getCurrentUrl();
	}

	/** Waits until the condition holds (a non-null, non-false answer), failing with the description. */
	<T> T until(String description, Function<WebDriver, T> condition) {
		return until(description, TIMEOUT, condition);
	}

	<T> T until(String description, Duration timeout, Function<WebDriver, T> condition) {
		WebDriverWait longer = new WebDriverWait(this.driver, timeout, Duration.ofMillis(250));
		longer.ignoring(StaleElementReferenceException.class).withMessage(description);
		return longer.until(condition);
	}

	WebElement visible(By locator) {
		return this.wait.withMessage("visible: " + locator).until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	List<WebElement> all(By locator) {
		return this.driver.findElements(locator);
	}

	boolean isPresent(By locator) {
		return !this.driver.findElements(locator).isEmpty();
	}

	/** Clicks the element once it is displayed and enabled, finding it again if the page re-rendered it. */
	void click(By locator) {
		this.wait.withMessage("clickable: " + locator)
			.ignoring(ElementClickInterceptedException.class)
			.until((driver) -> {
				WebElement element = driver.findElement(locator);
				if (!element.isDisplayed() || !element.isEnabled()) {
					return false;
				}
				element.click();
				return true;
			});
	}

	/** Replaces a field's text. */
	void type(By locator, String text) {
		WebElement field = visible(locator);
		field.clear();
		field.sendKeys(text);
	}

	/** Waits until a region that loads data ({@code aria-busy}) has finished. */
	void awaitLoaded(By region) {
		until("finished loading: " + region,
				(driver) -> "false".equals(driver.findElement(region).getDomAttribute("aria-busy")));
	}

	/** Waits until the address matches, e.g. after a redirect. */
	void awaitUrl(String description, java.util.function.Predicate<String> condition) {
		until("the address to be " + description, (driver) -> condition.test(driver.getCurrentUrl()));
	}

	/** The query parameter of the current address, or null. */
	String queryParameter(String name) {
		String query = java.net.URI.create(url()).getRawQuery();
		if (query == null) {
			return null;
		}
		return Stream.of(query.split("&"))
			.map((pair) -> pair.split("=", 2))
			.filter((pair) -> pair[0].equals(name) && pair.length == 2)
			.map((pair) -> java.net.URLDecoder.decode(pair[1], StandardCharsets.UTF_8))
			.findFirst()
			.orElse(null);
	}

	/** Saves the next numbered screenshot of the journey, e.g. {@code 03-result.png}. */
	void screenshot(String name) {
		this.step++;
		save(String.format("%02d-%s.png", this.step, name), this.driver.getScreenshotAs(OutputType.BYTES));
	}

	/**
	 * Keeps what shows why a journey failed: a screenshot, the page's HTML and address, the console, and the
	 * gateway's slow requests and threads (from its log and process).
	 */
	void recordFailure(Throwable failure, Path gatewayLog) {
		try {
			save("failure.png", this.driver.getScreenshotAs(OutputType.BYTES));
			save("failure.html", this.driver.getPageSource().getBytes(StandardCharsets.UTF_8));
			String console;
			try {
				console = this.driver.manage()
					.logs()
					.get(LogType.BROWSER)
					.getAll()
					.stream()
					.map(Object::toString)
					.collect(Collectors.joining("\n"));
			}
			catch (RuntimeException ex) {
				console = "(console unavailable: " + ex.getMessage() + ")";
			}
			Object requests;
			try {
				requests = this.driver.executeScript("return performance.getEntriesByType('resource')"
						+ ".map((e) => `${Math.round(e.startTime)} ms +${Math.round(e.duration)} ms ${e.responseStatus} ${e.name}`)"
						+ ".join('\\n')");
			}
			catch (RuntimeException ex) {
				requests = "(unavailable: " + ex.getMessage() + ")";
			}
			String summary = "address: " + url() + "\nfailure: " + failure + "\n\nbrowser console:\n" + console
					+ "\n\nrequests this page completed (start, duration, status, address):\n" + requests
					+ "\n\nthe gateway's slow requests:\n" + slowRequests(gatewayLog) + "\n\nthe gateway's threads:\n"
					+ gatewayThreads(gatewayLog);
			save("failure.txt", summary.getBytes(StandardCharsets.UTF_8));
			this.failedGatewayLog = gatewayLog;
			// into the build's output too: CI keeps that, not the files
			System.out.println("\nJOURNEY FAILURE (" + this.screenshots + "):\n" + summary);
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
		}
	}

	/**
	 * The gateway's log lines about requests that took long or are still unanswered, which tell a stall at
	 * the edge from one before it.
	 */
	private static String slowRequests(Path gatewayLog) {
		try (Stream<String> lines = Files.lines(gatewayLog)) {
			String slow = lines.filter((line) -> line.contains("Slow request")).collect(Collectors.joining("\n"));
			return slow.isEmpty() ? "(none)" : slow;
		}
		catch (IOException | UncheckedIOException ex) {
			return "(" + gatewayLog + " unreadable: " + ex.getMessage() + ")";
		}
	}

	/**
	 * The stacks of the gateway's request threads (Reactor Netty's event loops and Reactor's schedulers), from
	 * a thread dump taken with the JDK's {@code jcmd}; the whole dump is kept beside the screenshots.
	 */
	private String gatewayThreads(Path gatewayLog) {
		try (Stream<String> lines = Files.lines(gatewayLog)) {
			String pid = lines.map(GATEWAY_PID::matcher)
				.filter(Matcher::find)
				.map((matcher) -> matcher.group(1))
				.reduce((first, last) -> last)
				.orElse(null);
			if (pid == null) {
				return "(no PID in " + gatewayLog + ")";
			}
			Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
			Process process = new ProcessBuilder(jcmd.toString(), pid, "Thread.print").redirectErrorStream(true).start();
			byte[] dump = process.getInputStream().readAllBytes();
			process.waitFor(10, TimeUnit.SECONDS);
			save("failure-gateway-threads.txt", dump);
			return Stream.of(new String(dump, StandardCharsets.UTF_8).split("\n\n"))
				.filter((thread) -> thread.startsWith("\"reactor-") || thread.startsWith("\"parallel-")
						|| thread.startsWith("\"boundedElastic-"))
				.collect(Collectors.joining("\n\n"));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(no thread dump: " + ex + ")";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "(no thread dump: interrupted)";
		}
	}

	private void save(String name, byte[] bytes) {
		try {
			Files.write(this.screenshots.resolve(name), bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
			if (this.failedGatewayLog != null) {
				// a request the browser gave up on when it closed is logged by the gateway as it is cancelled
				System.out.println("\nthe gateway's slow requests after the browser closed (" + this.screenshots + "):\n"
						+ slowRequests(this.failedGatewayLog));
			}
			else {
				Files.deleteIfExists(this.screenshots.resolve(NET_LOG));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			try {
				deleteRecursively(this.profile);
			}
			catch (IOException | UncheckedIOException ex) {
				System.err.println("Could not delete the browser profile " + this.profile + ": " + ex);
			}
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
