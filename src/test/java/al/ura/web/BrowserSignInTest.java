package al.ura.web;

import static org.assertj.core.api.Assertions.assertThat;

import al.ura.directory.OrganisationType;
import al.ura.identity.IdentityFixtures;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person signs in with password and TOTP in a real headless Chromium (Debian's chromium and
 * chromium-driver) and reaches the dashboard, in Albanian and then in English. In CI the browser
 * is mandatory; elsewhere the test is skipped with a message when it is not installed.
 */
@Tag("browser")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ura.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
class BrowserSignInTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityFixtures fixtures;

    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = HeadlessChromium.start(1280, 900);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void signsInWithPasswordAndTotpAndReachesTheDashboard() throws Exception {
        var organisation = fixtures.organisation(OrganisationType.CSIRT_SOC);
        IdentityFixtures.TestUser admin = fixtures.user(organisation, IdentityFixtures.ORGANISATION_ADMIN);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Hyrja në Ura");
        browser.findElement(By.id("email")).sendKeys(admin.email());
        browser.findElement(By.id("password")).sendKeys(IdentityFixtures.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();

        wait.until(ExpectedConditions.urlContains("/login/second-factor"));
        browser.findElement(By.id("code")).sendKeys(IdentityFixtures.codeAt(Instant.now()));
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Mirë se vini"));
        assertThat(browser.getCurrentUrl()).endsWith("/");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Rolet tuaja");
        // The bell's count arrives through htmx after the page: proof that the script runs under the CSP.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".bell .badge")));
        screenshot("dashboard-sq");

        browser.findElement(By.cssSelector("a[lang=en]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Your roles");
        screenshot("dashboard-en");

        // The administrator's own pages, reached through the navigation, in English now.
        browser.findElement(By.linkText("Users")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("h1"), "Users of " + organisation.shortName()));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(admin.email());
        screenshot("users-en");
        browser.findElement(By.linkText("Audit ledger")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Audit ledger"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("identity.login.succeeded");
        screenshot("ledger-en");
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
