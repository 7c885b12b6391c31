package org.mutuality.gateway.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through its own chromedriver (never one downloaded by
 * Selenium Manager), with screenshots saved under {@code target/screenshots}.
 */
final class HeadlessChrome {

	static final Path BINARY = Path.of("/usr/bin/chromium");

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	static final String INSTALL_HINT = "Browser tests need Debian's Chromium: apt-get update && apt-get install -y chromium chromium-driver";

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private HeadlessChrome() {
	}

	static boolean isInstalled() {
		return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
	}

	/** Whether the browser is there; prints how to install it (loudly, on stderr) when it is not. */
	static boolean isInstalledOrSayHow() {
		boolean installed = isInstalled();
		if (!installed) {
			System.err.println("*** SKIPPING browser tests: " + INSTALL_HINT + " ***");
		}
		return installed;
	}

	static WebDriver start() {
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BINARY.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=1280,900", "--lang=en");
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		return driver;
	}

	static void screenshot(WebDriver driver, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
			Files.write(SCREENSHOTS.resolve(name + ".png"), png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
