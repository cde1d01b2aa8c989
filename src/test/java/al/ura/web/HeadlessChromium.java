package al.ura.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by its ChromeDriver, for the browser tests. In CI a missing
 * browser fails the test (`.ci/run` installs it); elsewhere the test is skipped with a visible
 * message. The flags keep Chromium off the closed network and out of any shared profile.
 */
final class HeadlessChromium {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private HeadlessChromium() {}

    /** A new browser with a window of {@code width} × {@code height}; the caller quits it. */
    static WebDriver start(int width, int height) throws IOException {
        boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(
                    "chromium and chromium-driver must be installed in CI (.ci/run installs them)");
        }
        if (!installed) {
            System.err.println("*** SKIPPED browser test: install Debian's chromium and chromium-driver to run it ***");
        }
        Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + Files.createTempDirectory("ura-chromium"));
        return new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(CHROMEDRIVER))
                        .usingAnyFreePort()
                        .build(),
                options);
    }
}
