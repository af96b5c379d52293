package org.nanoguide.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for the browser tests: Debian's {@code chromium} and {@code chromium-driver},
 * driven by Selenium with a fresh profile and no network of its own. The driver and the browser
 * are named by path, so Selenium never looks for (or downloads) one.
 *
 * <p>Without them the tests fail, saying what to install: CI installs them ({@code .ci/run}), and
 * a test that skipped there would hide a broken page. A developer without a browser can skip
 * them on purpose with {@code -Dnanoguide.browser=skip}.
 */
final class Browser {
    static final String SKIP = "nanoguide.browser";
    private static final List<Path> BROWSERS = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Selenium warns on every start that it has no DevTools bindings for this Chromium (the tests use none); held so the level stays set. */
    private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    private Browser() { }

    /** A new headless browser; the caller quits it. */
    static ChromeDriver start(Path profile) throws IOException {
        if ("skip".equals(System.getProperty(SKIP))) {
            Assumptions.abort("browser tests skipped on request (-D" + SKIP + "=skip)");
        }
        Path browser = BROWSERS.stream().filter(Files::isExecutable).findFirst().orElse(null);
        if (browser == null || !Files.isExecutable(DRIVER)) {
            fail("The browser tests need headless Chromium and its driver (" + BROWSERS.get(0) + ", " + DRIVER + "), not found. "
                    + "Install them (Debian/Ubuntu: sudo apt-get install -y chromium chromium-driver; .ci/run does this in CI), "
                    + "or skip these tests on purpose with -D" + SKIP + "=skip.");
        }
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + Files.createDirectories(profile));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }
}
