package al.ura.web;

import static org.assertj.core.api.Assertions.assertThat;

import al.ura.identity.IdentityFixtures;
import al.ura.identity.IdentityFixtures.TestUser;
import al.ura.monitoring.MonitoringFixtures;
import al.ura.monitoring.PeriodView;
import al.ura.monitoring.ProgressReporting;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The reporting cycle in a real headless Chromium (issue AC6): a ministry's strategy contact
 * point signs in and sends its report on a measure, in Albanian; the coordinator returns it with a
 * comment, in English; the contact point sees the comment, corrects the report, adds an activity
 * row and sends it again; the coordinator accepts it, and the period page's report preview shows
 * the measure as accepted with its activity, and the figures recomputed from it.
 */
@Tag("browser")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ura.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
class BrowserMonitoringTest {

    @LocalServerPort
    int port;

    @Autowired
    MonitoringFixtures fixtures;

    @Autowired
    ProgressReporting reporting;

    private WebDriver browser;

    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = HeadlessChromium.start(1280, 1000);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aContactPointReportsTheCoordinatorReturnsItTheReportIsCorrectedAcceptedAndPreviewed() throws Exception {
        MonitoringFixtures.World world = fixtures.world();
        PeriodView period = reporting.openPeriod(
                world.coordinator().actor(),
                world.strategyId(),
                2024,
                LocalDate.now(ZoneId.of("Europe/Tirane")).plusDays(30));

        // The ministry's contact point finds the measure among its measures due and sends its report.
        signIn(world.ministryReporter(), "sq", "Mirë se vini");
        browser.findElement(By.linkText("Monitorimi i strategjisë")).click();
        waitForHeading("Monitorimi i strategjisë");
        assertThat(main())
                .contains("Masat e mia për raportim")
                .contains("1.A.2")
                .doesNotContain("1.B.1");
        browser.findElement(By.linkText("1.A.1")).click();
        waitForHeading("Raportimi për masën 1.A.1 – 2024");
        new Select(browser.findElement(By.id("realisation"))).selectByValue("PARTIAL");
        type("percent", "40");
        type("budgetSpent", "250000");
        type("activity-date-0", "03.06.2024");
        type("activity-text-0", "Projektligji u hartua dhe u dërgua për konsultim publik.");
        type("forecast", "Miratimi në Kuvend, tremujori i dytë 2025");
        type("evidenceLinks", "https://www.example.org/projektligji");
        browser.findElement(By.id("send")).click();
        waitForNotice("Raportimi u dërgua te koordinatori për shqyrtim.");
        assertThat(browser.findElement(By.id("submission-status")).getText()).isEqualTo("Dërguar për shqyrtim");
        screenshot("monitoring-sent-sq");
        signOut();

        // The coordinator returns it with a comment.
        signIn(world.coordinator(), "en", "Welcome");
        browser.findElement(By.linkText("Strategy monitoring")).click();
        waitForHeading("Strategy monitoring");
        browser.get(base() + "/monitoring/periods/" + period.id());
        waitForHeading("Reporting period 2024");
        WebElement submission = browser.findElement(By.cssSelector("article.submission"));
        assertThat(submission.getText())
                .contains("1.A.1")
                .contains("Sent for review")
                .contains("Projektligji u hartua dhe u dërgua për konsultim publik.");
        submission
                .findElement(By.cssSelector("textarea[name=comment]"))
                .sendKeys("Shtoni miratimin e ligjit, nëse ndodhi brenda vitit.");
        submission
                .findElement(By.cssSelector("button[name=decision][value=return]"))
                .click();
        waitForNotice("The report was returned to the institution with your comment.");
        signOut();

        // The contact point sees the comment, corrects the report with a second activity and sends it again.
        signIn(world.ministryReporter(), "sq", "Mirë se vini");
        browser.findElement(By.linkText("Monitorimi i strategjisë")).click();
        waitForHeading("Monitorimi i strategjisë");
        assertThat(main()).contains("Kthyer me komente");
        browser.findElement(By.linkText("1.A.1")).click();
        waitForHeading("Raportimi për masën 1.A.1 – 2024");
        assertThat(browser.findElement(By.id("review-comment")).getText())
                .contains("Shtoni miratimin e ligjit, nëse ndodhi brenda vitit.");
        assertThat(browser.findElement(By.id("activity-text-0")).getAttribute("value"))
                .isEqualTo("Projektligji u hartua dhe u dërgua për konsultim publik.");
        new Select(browser.findElement(By.id("realisation"))).selectByValue("REALISED");
        type("percent", "100");
        browser.findElement(By.id("add-row")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("activity-text-1")));
        type("activity-date-1", "20.11.2024");
        type("activity-text-1", "Ligji u miratua nga Kuvendi.");
        type("forecast", "");
        screenshot("monitoring-corrected-sq");
        browser.findElement(By.id("send")).click();
        waitForNotice("Raportimi u dërgua te koordinatori për shqyrtim.");
        signOut();

        // The coordinator accepts it; the preview shows it with its activities and the figures move.
        signIn(world.coordinator(), "en", "Welcome");
        browser.get(base() + "/monitoring/periods/" + period.id());
        waitForHeading("Reporting period 2024");
        assertThat(browser.findElement(By.id("preview")).getText()).contains("There are no accepted reports yet.");
        assertThat(browser.findElement(By.id("figure-policy-1")).getText()).isEqualTo("0 %");
        browser.findElement(By.cssSelector("article.submission button[name=decision][value=accept]"))
                .click();
        waitForNotice("The report was accepted and now counts in the period's figures.");
        String preview = browser.findElement(By.id("preview-1.A.1")).getText();
        assertThat(preview)
                .contains("1.A.1")
                .contains("Accepted")
                .contains("Realised")
                .contains("100 %")
                .contains("03.06.2024")
                .contains("Projektligji u hartua dhe u dërgua për konsultim publik.")
                .contains("20.11.2024")
                .contains("Ligji u miratua nga Kuvendi.");
        assertThat(browser.findElement(By.id("preview")).getText())
                .contains(world.ministry().shortName());
        // Objective A = (100 + 0) / 2 = 50 %; policy 1 = 50 % × 0.4 = 20 %; one of policy 1's five measures realised.
        assertThat(browser.findElement(By.id("figure-policy-1-objective-A")).getText())
                .isEqualTo("50 %");
        assertThat(browser.findElement(By.id("figure-policy-1")).getText()).isEqualTo("20 %");
        assertThat(browser.findElement(By.id("figure-policy-1-share-REALISED")).getText())
                .isEqualTo("20 %");
        screenshot("monitoring-accepted-en");
        browser.get(base() + "/monitoring/periods/" + period.id() + "#figures");
        screenshot("monitoring-figures-en");

        browser.findElement(By.cssSelector("#policy-1 p.total a.how")).click();
        waitForHeading("Overall realisation of policy 1");
        assertThat(browser.findElement(By.id("figure-result")).getText()).isEqualTo("20 %");
        assertThat(browser.findElement(By.id("formula")).getText())
                .isEqualTo("(50 % × 0.4) + (0 % × 0.2) + (0 % × 0.2) + (0 % × 0.2) = 20 %");
        screenshot("monitoring-how-computed-en");

        // Locked and published from the period page, the figures are on the open progress page, without signing in.
        browser.get(base() + "/monitoring/periods/" + period.id());
        waitForHeading("Reporting period 2024");
        browser.findElement(By.cssSelector("#cycle form[action$='/lock'] button"))
                .click();
        waitForNotice("The period is locked.");
        browser.findElement(By.cssSelector("#cycle form[action$='/publication'] button"))
                .click();
        waitForNotice("The period is published.");
        signOut();
        browser.get(base() + "/progress/" + world.code() + "/2024?lang=sq");
        waitForHeading("Strategjia e testit – progresi në vitin 2024");
        assertThat(browser.findElement(By.id("figure-policy-1")).getText()).isEqualTo("20 %");
        assertThat(main())
                .doesNotContain("Ligji u miratua nga Kuvendi.")
                .doesNotContain(world.ministry().shortName());
        screenshot("monitoring-public-sq");
    }

    private void signIn(TestUser user, String language, String welcome) {
        browser.get(base() + "/login?lang=" + language);
        browser.findElement(By.id("email")).sendKeys(user.email());
        browser.findElement(By.id("password")).sendKeys(IdentityFixtures.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.or(
                ExpectedConditions.urlContains("/login/second-factor"),
                ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), welcome)));
        if (browser.getCurrentUrl().contains("/login/second-factor")) {
            browser.findElement(By.id("code")).sendKeys(IdentityFixtures.codeAt(Instant.now()));
            browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        }
        waitForHeading(welcome);
    }

    private void signOut() {
        browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        if (!text.isEmpty()) {
            field.sendKeys(text);
        }
    }

    private void waitForHeading(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), text));
    }

    private void waitForNotice(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"), text));
    }

    private String main() {
        return browser.findElement(By.tagName("main")).getText();
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
