package al.ura.web;

import static org.assertj.core.api.Assertions.assertThat;

import al.ura.identity.IdentityFixtures;
import al.ura.identity.IdentityFixtures.TestUser;
import al.ura.requests.RequestFixtures;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
 * A legal request's main path in a real headless Chromium, each person signing in with password
 * and TOTP: the officer drafts it in the form (the provider's services arrive through htmx) and
 * sends it for authorisation; the authoriser signs and sends it; the provider's compliance officer
 * finds it in the inbox, sees that the signature is the police's and valid, and answers; the
 * officer reads the answer.
 */
@Tag("browser")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ura.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
class BrowserRequestsTest {

    @LocalServerPort
    int port;

    @Autowired
    RequestFixtures fixtures;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = HeadlessChromium.start(1280, 1400);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theOfficerSendsTheAuthoriserSignsTheProviderVerifiesAndAnswersAndTheOfficerReadsTheAnswer() throws Exception {
        RequestFixtures.World world = fixtures.world();
        Instant seen = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String records = "Fictional subscriber: Arta Shembulli, Rruga e Kavajës 10, Tiranë";

        // The officer drafts the request and sends it for authorisation.
        signIn(world.officer(), Instant.now());
        browser.findElement(By.linkText("Legal requests")).click();
        heading("Legal requests");
        browser.findElement(By.linkText("New request")).click();
        heading("New legal request");
        assertThat(browser.findElement(By.id("officerName")).getAttribute("value"))
                .startsWith("Test User");
        type("fileNumber", "PP-2026-BROWSER");
        type("requestingUnit", "Sektori i Krimeve Kibernetike");
        type("officerPhone", "+355 4 222 3333");
        type("officerEmail", "officer@" + world.police().officialDomains().getFirst());
        new Select(browser.findElement(By.id("legalProvisionId"))).selectByValue(RequestFixtures.PROVISION.toString());
        new Select(browser.findElement(By.id("providerId")))
                .selectByValue(world.provider().id().toString());
        // htmx brings the chosen provider's services.
        By service =
                By.cssSelector("#serviceId option[value='" + world.service().id() + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(service));
        new Select(browser.findElement(By.id("serviceId")))
                .selectByValue(world.service().id().toString());
        new Select(browser.findElement(By.name("identifiers[0].kind"))).selectByValue("IPV4");
        type(By.name("identifiers[0].value"), "203.0.113.25");
        type(By.name("identifiers[0].sourcePort"), "51234");
        type(
                By.name("identifiers[0].observedAt"),
                seen.atOffset(ZoneOffset.ofHours(1)).toString());
        new Select(browser.findElement(By.name("identifiers[0].category"))).selectByValue("IDENTIFICATION_DATA");
        browser.findElement(By.cssSelector("input[name='identifiers[0].items'][value='IP_ASSIGNMENT']"))
                .click();
        type(By.name("identifiers[0].from"), seen.minus(Duration.ofHours(1)).toString());
        type(By.name("identifiers[0].to"), seen.plus(Duration.ofMinutes(30)).toString());
        type("offence", "Mashtrim kompjuterik (neni 143/b KP)");
        type("summary", "Fictional: a phishing site took card payments from victims.");
        type("relevance", "The address and port identify who ran the site.");
        screenshot("request-form-en");
        click(By.id("send-for-authorisation"));
        heading("Request LR-");
        String requestUrl = browser.getCurrentUrl();
        String reference = browser.findElement(By.tagName("h1")).getText().substring("Request ".length());
        assertThat(main()).contains("The request went to the authorisers.").contains("Awaiting authorisation");
        signOut();

        // The authoriser signs and sends it.
        signIn(world.authoriser(), Instant.now());
        browser.findElement(By.linkText("Legal requests")).click();
        heading("Legal requests");
        browser.findElement(By.linkText(reference)).click();
        heading("Request " + reference);
        click(By.id("authorise"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("main"), "The request was authorised, signed and sent to the provider."));
        assertThat(main()).contains("Submitted").contains("The signature is valid");
        signOut();

        // The provider's compliance officer finds it in the inbox, checks the source, and answers.
        signIn(world.compliance(), Instant.now());
        browser.findElement(By.linkText("Legal requests")).click();
        heading("Legal requests");
        assertThat(browser.findElement(By.id("inbox")).getText()).contains(reference);
        // The filter narrows the queue (through htmx, without a reload) and the address keeps it.
        type("reference", reference);
        click(By.cssSelector("form.search button[type=submit]"));
        wait.until(ExpectedConditions.urlContains("reference=" + reference));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("inbox"), reference));
        browser.findElement(By.linkText(reference)).click();
        heading("Request " + reference);
        String signature = browser.findElement(By.id("signature")).getText();
        assertThat(signature)
                .contains("The signature is valid")
                .contains("Issued by " + world.police().nameEn() + ", authorised by Test User");
        screenshot("request-provider-en");
        type(By.id("records_0"), records);
        click(By.id("send-answer"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("main"), "The answer was signed and sent to the requester."));
        assertThat(main()).contains("Answered in full");
        signOut();

        // The officer reads the answer, signed by the provider. A second sign-in uses the next code.
        signIn(world.officer(), Instant.now().plusSeconds(30));
        browser.get(requestUrl);
        heading("Request " + reference);
        String answer = browser.findElement(By.id("answer")).getText();
        assertThat(answer)
                .contains(records)
                .contains("The answer's signature is valid")
                .contains("Answered in full");
        screenshot("request-answered-en");
    }

    private void signIn(TestUser user, Instant codeTime) {
        browser.get(base() + "/login?lang=en");
        browser.findElement(By.id("email")).sendKeys(user.email());
        browser.findElement(By.id("password")).sendKeys(IdentityFixtures.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/login/second-factor"));
        browser.findElement(By.id("code")).sendKeys(IdentityFixtures.codeAt(codeTime));
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        heading("Welcome");
    }

    private void signOut() {
        click(By.cssSelector("form[action$='/logout'] button[type=submit]"));
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    private void heading(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), text));
    }

    private String main() {
        return browser.findElement(By.tagName("main")).getText();
    }

    private void type(String id, String text) {
        type(By.id(id), text);
    }

    private void type(By field, String text) {
        WebElement element = browser.findElement(field);
        element.clear();
        element.sendKeys(text);
    }

    /** Clicks a button that may be below the fold. */
    private void click(By button) {
        WebElement element = browser.findElement(button);
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
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
