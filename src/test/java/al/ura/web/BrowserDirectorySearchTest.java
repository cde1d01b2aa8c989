package al.ura.web;

import static org.assertj.core.api.Assertions.assertThat;

import al.ura.directory.AvailabilityException;
import al.ura.directory.ContactDirectory;
import al.ura.directory.ContactFunction;
import al.ura.directory.ContactPointView;
import al.ura.directory.DirectoryFixtures;
import al.ura.directory.OrganisationType;
import al.ura.directory.OrganisationView;
import al.ura.identity.IdentityFixtures;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person searches the directory for a 24/7 contact available now in a country and opens the
 * organisation's page, in a real headless Chromium. A desk closed today by an exception is not
 * offered.
 */
@Tag("browser")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ura.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
class BrowserDirectorySearchTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityFixtures people;

    @Autowired
    DirectoryFixtures fixtures;

    @Autowired
    ContactDirectory contacts;

    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = HeadlessChromium.start(1280, 1000);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void searchesATwentyFourSevenContactAvailableNowInACountryAndOpensTheOrganisation() throws Exception {
        OrganisationView police = fixtures.organisation(OrganisationType.LAW_ENFORCEMENT, "XB");
        ContactPointView desk = fixtures.alwaysAvailable(police, ContactFunction.EMERGENCY_24_7, "Europe/Tirane");
        OrganisationView closedToday = fixtures.organisation(OrganisationType.LAW_ENFORCEMENT, "XB");
        ContactPointView closed =
                fixtures.alwaysAvailable(closedToday, ContactFunction.EMERGENCY_24_7, "Europe/Tirane");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Tirane"));
        contacts.addException(
                DirectoryFixtures.OPERATOR,
                closed.id(),
                new AvailabilityException(null, today.minusDays(1), today.plusDays(1), false, null, null, null));
        IdentityFixtures.TestUser reader = people.user(people.organisation());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        browser.get(base() + "/login?lang=en");
        browser.findElement(By.id("email")).sendKeys(reader.email());
        browser.findElement(By.id("password")).sendKeys(IdentityFixtures.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome"));

        browser.findElement(By.linkText("Directory")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Directory of organisations"));
        browser.findElement(By.id("country")).sendKeys("XB");
        new Select(browser.findElement(By.id("function"))).selectByValue("EMERGENCY_24_7");
        browser.findElement(By.id("availableNow")).click();
        browser.findElement(By.cssSelector("form.search button[type=submit]")).click();

        wait.until(ExpectedConditions.urlContains("availableNow=true"));
        String results = browser.findElement(By.tagName("main")).getText();
        assertThat(results).contains(police.shortName()).contains(desk.name()).contains("Available now");
        assertThat(results).doesNotContain(closedToday.shortName());
        screenshot("directory-search-en");

        browser.findElement(By.linkText(police.shortName())).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), police.nameEn()));
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains(desk.email()).contains("24/7 emergency").contains("Signing keys");
        screenshot("directory-organisation-en");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
