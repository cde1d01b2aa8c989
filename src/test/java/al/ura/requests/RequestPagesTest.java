package al.ura.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import al.ura.directory.OrganisationType;
import al.ura.directory.OrganisationView;
import al.ura.identity.IdentityFixtures;
import al.ura.identity.IdentityFixtures.TestUser;
import al.ura.testing.DatabaseTest;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The legal requests' pages for both sides, in Albanian and English: each page for its readers,
 * a refusal for everyone else, the draft form that never loses what was typed, the actions as
 * form posts, and the PDFs.
 */
@DatabaseTest
class RequestPagesTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    RequestFixtures fixtures;

    @Autowired
    IdentityFixtures people;

    @Autowired
    al.ura.directory.DirectoryFixtures directory;

    @Autowired
    LegalRequests requests;

    @Autowired
    ProviderDesk desk;

    @Autowired
    OralEmergencies oral;

    @ParameterizedTest
    @ValueSource(strings = {"sq", "en"})
    void everyPageRendersInBothLanguagesForItsReaders(String language) {
        boolean en = "en".equals(language);
        RequestFixtures.World world = fixtures.world();
        RequestView submitted = fixtures.submitted(world);
        RequestView draft = requests.createDraft(world.officer().actor(), fixtures.draft(world));
        OralEmergencies.OralView call = oral.log(
                world.officer().actor(),
                new OralEmergencies.OralCommand(
                        world.provider().id(),
                        null,
                        "Officer Test",
                        "24/7 desk +355 4 555 0100",
                        "Fictional: who uses 203.0.113.25 now?",
                        "Njësia e emergjencave"));

        Map<String, String> officerPages = new LinkedHashMap<>();
        officerPages.put("/requests", en ? "Legal requests" : "Kërkesat ligjore");
        officerPages.put(
                "/requests?status=SUBMITTED&overdue=false&reference=" + submitted.reference(),
                en ? "Legal requests" : "Kërkesat ligjore");
        officerPages.put("/requests/new", en ? "New legal request" : "Kërkesë e re ligjore");
        officerPages.put(
                "/requests/" + draft.id() + "/edit",
                (en ? "Draft request " : "Drafti i kërkesës ") + draft.reference());
        officerPages.put("/requests/" + draft.id(), (en ? "Request " : "Kërkesa ") + draft.reference());
        officerPages.put("/requests/" + submitted.id(), (en ? "Request " : "Kërkesa ") + submitted.reference());
        officerPages.put("/requests/oral/new", en ? "Log an oral emergency" : "Regjistro një emergjencë me telefon");
        officerPages.put("/requests/oral/" + call.id(), en ? "Emergency by phone OR-" : "Emergjenca me telefon OR-");
        officerPages.put("/requests/new?oralRequest=" + call.id(), en ? "New legal request" : "Kërkesë e re ligjore");
        officerPages.put("/requests/statistics", en ? "Legal request statistics" : "Statistikat e kërkesave ligjore");
        for (Map.Entry<String, String> page : officerPages.entrySet()) {
            assertPage(world.officer(), language, page.getKey(), page.getValue());
        }
        assertThat(body(world.officer(), language, "/requests"))
                .contains(submitted.reference())
                .contains(draft.reference())
                .contains(en ? "Our requests" : "Kërkesat tona")
                .doesNotContain(en ? "Requests received" : "Kërkesat e ardhura");
        assertThat(body(world.officer(), language, "/requests/new"))
                .contains("value=\"Test User")
                .contains(RequestFixtures.PROVISION.toString())
                .contains(world.provider().shortName());

        Map<String, String> providerPages = new LinkedHashMap<>();
        providerPages.put("/requests", en ? "Legal requests" : "Kërkesat ligjore");
        providerPages.put("/requests/" + submitted.id(), (en ? "Request " : "Kërkesa ") + submitted.reference());
        providerPages.put("/requests/oral/" + call.id(), en ? "Emergency by phone OR-" : "Emergjenca me telefon OR-");
        providerPages.put("/requests/statistics", en ? "Legal request statistics" : "Statistikat e kërkesave ligjore");
        providerPages.put("/requests/transparency", en ? "Transparency report" : "Raporti i transparencës");
        for (Map.Entry<String, String> page : providerPages.entrySet()) {
            assertPage(world.compliance(), language, page.getKey(), page.getValue());
        }
        assertThat(body(world.compliance(), language, "/requests"))
                .contains(submitted.reference())
                .doesNotContain(draft.reference())
                .contains(en ? "Requests received" : "Kërkesat e ardhura");
        String request = body(world.compliance(), language, "/requests/" + submitted.id());
        assertThat(request)
                .contains(en ? "The signature is valid" : "Nënshkrimi është i vlefshëm")
                .contains((en ? "Issued by " : "Lëshuar nga ")
                        + world.police().name(java.util.Locale.forLanguageTag(language)))
                .contains(en ? "Acknowledge receipt" : "Konfirmo marrjen")
                .contains(en ? "Send the signed answer" : "Dërgo përgjigjen e nënshkruar")
                .contains("203.0.113.25")
                .doesNotContain(en ? "Authorise, sign and send" : "Autorizo, nënshkruaj dhe dërgo");
        assertThat(body(world.compliance(), language, "/requests/statistics"))
                .contains(en ? "Requests received by " : "Kërkesat që mori ")
                .contains(en ? "Requests in all" : "Kërkesa gjithsej");

        RequestView awaiting = requests.createDraft(world.otherOfficer().actor(), fixtures.draft(world));
        requests.submitForAuthorisation(world.otherOfficer().actor(), awaiting.id());
        assertThat(body(world.authoriser(), language, "/requests/" + awaiting.id()))
                .contains(en ? "Authorise, sign and send" : "Autorizo, nënshkruaj dhe dërgo")
                .contains(en ? "Return to the officer" : "Ktheja oficerit");
    }

    @Test
    void othersAreToldTheRequestDoesNotExist() {
        RequestFixtures.World world = fixtures.world();
        RequestView submitted = fixtures.submitted(world);
        RequestView draft = requests.createDraft(world.officer().actor(), fixtures.draft(world));
        OralEmergencies.OralView call = oral.log(
                world.officer().actor(),
                new OralEmergencies.OralCommand(world.provider().id(), null, "Officer", "Desk", "Asked", null));
        RequestFixtures.World other = fixtures.world();

        for (TestUser stranger : List.of(other.officer(), other.authoriser(), other.compliance())) {
            for (String page : List.of(
                    "/requests/" + submitted.id(),
                    "/requests/" + draft.id(),
                    "/requests/" + draft.id() + "/edit",
                    "/requests/" + submitted.id() + "/letter.pdf",
                    "/requests/oral/" + call.id())) {
                assertThat(get(stranger, "en", page)).as(page).hasStatus(404);
            }
        }
        // The provider sees nothing of a draft, and cannot edit what it received.
        assertThat(get(world.compliance(), "en", "/requests/" + draft.id())).hasStatus(404);
        assertThat(get(world.compliance(), "sq", "/requests/" + submitted.id() + "/edit"))
                .hasStatus(404);
        assertThat(mvc.post()
                        .uri("/requests/{id}/authorisation", draft.id())
                        .with(authentication(other.authoriser().authentication()))
                        .with(csrf())
                        .exchange())
                .hasStatus(404);
        // Someone with no request role is refused the queues, the form and the figures.
        TestUser member = people.user(world.police());
        assertThat(get(member, "en", "/requests")).hasStatus(403);
        assertThat(get(member, "en", "/requests/new")).hasStatus(403);
        assertThat(get(member, "en", "/requests/statistics")).hasStatus(403);
        MvcTestResult refused = get(member, "sq", "/requests/" + submitted.id());
        assertThat(refused).hasStatus(404);
        assertThat(refused).bodyText().contains("Nuk u gjet");
        // Another provider's compliance officer does not get this provider's report.
        assertThat(get(
                        other.compliance(),
                        "en",
                        "/requests/transparency?provider=" + world.provider().id()))
                .hasStatus(403);
        // A provider cannot draft requests.
        assertThat(get(world.compliance(), "en", "/requests/new")).hasStatus(403);
    }

    @Test
    void theDraftFormKeepsWhatWasTypedShowsEachProblemNextToItsFieldAndSendsAValidRequest() throws Exception {
        RequestFixtures.World world = fixtures.world();
        TestUser officer = world.officer();

        // Saving an incomplete draft checks nothing.
        MultiValueMap<String, String> typed = new LinkedMultiValueMap<>();
        typed.add("type", "DISCLOSURE");
        typed.add("fileNumber", "PP-2026-ROUND");
        typed.add("officerName", "Officer Round");
        typed.add("officerEmail", "someone@mail.example");
        typed.add("identifiers[0].kind", "IPV4");
        typed.add("identifiers[0].value", "203.0.113.77");
        typed.add("identifiers[0].timeZone", "Europe/Tirane");
        typed.add("identifiers[1].timeZone", "Europe/Tirane");
        typed.add("priority", "NORMAL");
        typed.add("confidential", "true");
        typed.add("action", "save");
        MvcTestResult saved = post(officer, "en", "/requests", typed);
        assertThat(saved).hasStatus3xxRedirection();
        String location = saved.getResponse().getRedirectedUrl();
        assertThat(location).matches("/requests/[0-9a-f-]{36}/edit");
        UUID id = UUID.fromString(location.substring("/requests/".length(), "/requests/".length() + 36));
        String form = body(officer, "en", location);
        assertThat(form)
                .contains("value=\"PP-2026-ROUND\"")
                .contains("value=\"203.0.113.77\"")
                .contains("value=\"someone@mail.example\"");
        assertThat(requests.read(officer.actor(), id).status()).isEqualTo(RequestStatus.DRAFT);

        // A value that cannot even be read is shown again as typed, next to its error; nothing is saved.
        typed.set("identifiers[0].sourcePort", "port eighty");
        typed.set("version", String.valueOf(requests.read(officer.actor(), id).version()));
        MvcTestResult unreadable = post(officer, "en", "/requests/" + id, typed);
        assertThat(unreadable).hasStatus(422);
        assertThat(unreadable)
                .bodyText()
                .contains("id=\"identifiers[0].sourcePort-error\"")
                .contains("value=\"port eighty\"")
                .contains("value=\"PP-2026-ROUND\"");

        // Sending it for authorisation checks it whole: every problem is next to its field, in the reader's language.
        typed.set("identifiers[0].sourcePort", "51234");
        typed.set("action", "submit");
        MvcTestResult refused = post(officer, "sq", "/requests/" + id, typed);
        assertThat(refused).hasStatus(422);
        assertThat(refused)
                .bodyText()
                .contains("id=\"officerEmail-error\"")
                .contains("Përdorni adresën zyrtare të institucionit")
                .contains("id=\"offence-error\"")
                .contains("id=\"legalProvisionId-error\"")
                .contains("id=\"identifiers[0].observedAt-error\"")
                .contains("Shënoni çastin e saktë kur u pa adresa IP")
                .contains("value=\"PP-2026-ROUND\"")
                .contains("value=\"51234\"")
                .contains("Drafti u ruajt, por nuk u dërgua");
        RequestView stillDraft = requests.read(officer.actor(), id);
        assertThat(stillDraft.status()).isEqualTo(RequestStatus.DRAFT);
        assertThat(stillDraft.draft()).isNotNull();
        assertThat(stillDraft.draft().fileNumber()).isEqualTo("PP-2026-ROUND");

        // Completed, it goes to the authorisers.
        Instant seen = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        typed.set("version", String.valueOf(stillDraft.version()));
        typed.set("requestingUnit", "Sektori i Krimeve Kibernetike");
        typed.set("officerPhone", "+355 4 222 3333");
        typed.set("officerEmail", "officer@" + world.police().officialDomains().getFirst());
        typed.set("legalProvisionId", RequestFixtures.PROVISION.toString());
        typed.set("providerId", world.provider().id().toString());
        typed.set("serviceId", world.service().id().toString());
        // Times without an offset are read in the row's time zone.
        typed.set(
                "identifiers[0].observedAt",
                seen.atOffset(ZoneOffset.ofHours(1)).toString());
        typed.set("identifiers[0].category", "IDENTIFICATION_DATA");
        typed.set("identifiers[0].items", "IP_ASSIGNMENT");
        typed.set("identifiers[0].from", seen.minus(Duration.ofHours(1)).toString());
        typed.set(
                "identifiers[0].to",
                seen.plus(Duration.ofMinutes(30))
                        .atOffset(ZoneOffset.UTC)
                        .toLocalDateTime()
                        .toString());
        typed.set("identifiers[0].timeZone", "UTC");
        typed.set("offence", "Mashtrim kompjuterik");
        typed.set("summary", "Fictional: a phishing site took payments.");
        typed.set("relevance", "The address identifies who ran it.");
        MvcTestResult sent = post(officer, "en", "/requests/" + id, typed);
        assertThat(sent).hasStatus3xxRedirection();
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/requests/" + id);
        RequestView awaiting = requests.read(officer.actor(), id);
        assertThat(awaiting.status()).isEqualTo(RequestStatus.AWAITING_AUTHORISATION);
        assertThat(awaiting.identifiers()).singleElement().satisfies(i -> {
            assertThat(i.sourcePort()).isEqualTo(51234);
            assertThat(i.to()).isEqualTo(seen.plus(Duration.ofMinutes(30)));
        });
        assertThat(body(officer, "en", "/requests/" + id)).contains("Awaiting authorisation");

        // A new form sent at once: complete, it is stored once and goes straight to the authorisers.
        typed.remove("version");
        MvcTestResult sentAtOnce = post(officer, "en", "/requests", typed);
        assertThat(sentAtOnce).hasStatus3xxRedirection();
        UUID atOnce =
                UUID.fromString(sentAtOnce.getResponse().getRedirectedUrl().substring("/requests/".length()));
        assertThat(atOnce).isNotEqualTo(id);
        assertThat(requests.read(officer.actor(), atOnce).status()).isEqualTo(RequestStatus.AWAITING_AUTHORISATION);
        // Incomplete, it is kept as a draft with what was typed and every problem next to its field.
        typed.remove("offence");
        MvcTestResult keptAtOnce = post(officer, "sq", "/requests", typed);
        assertThat(keptAtOnce).hasStatus(422);
        assertThat(keptAtOnce)
                .bodyText()
                .contains("id=\"offence-error\"")
                .contains("value=\"PP-2026-ROUND\"")
                .contains("Drafti u ruajt, por nuk u dërgua");
        assertThat(requests.outbox(
                                officer.actor(),
                                new RequestRepository.Filter(Set.of(RequestStatus.DRAFT), null, null, false, null),
                                null,
                                50)
                        .items())
                .filteredOn(row -> !row.id().equals(id) && "PP-2026-ROUND".equals(row.fileNumber()))
                .hasSize(1);
    }

    @Test
    void theOutboxShowsFiftyRowsAndTheNextPageFollowsTheCursorWithTheFilter() throws Exception {
        RequestFixtures.World world = fixtures.world();
        RequestView emergency = requests.createDraft(
                world.officer().actor(),
                fixtures.draft(world, RequestType.EMERGENCY_DISCLOSURE, List.of(fixtures.ip("203.0.113.9"))));
        for (int i = 0; i < 51; i++) {
            requests.createDraft(world.officer().actor(), fixtures.draft(world));
        }

        String first = body(world.officer(), "en", "/requests");
        assertThat(count(first, "href=\"/requests/[0-9a-f-]{36}\">LR-")).isEqualTo(50);
        java.util.regex.Matcher next = java.util.regex.Pattern.compile(
                        "href=\"(/requests\\?[^\"]*cursor=[^\"]+)\">Next page")
                .matcher(first);
        assertThat(next.find()).isTrue();
        String second = body(world.officer(), "en", next.group(1).replace("&amp;", "&"));
        assertThat(count(second, "href=\"/requests/[0-9a-f-]{36}\">LR-")).isEqualTo(2);
        assertThat(second).doesNotContain(">Next page<");

        String emergencies = body(world.officer(), "en", "/requests?emergency=true");
        assertThat(count(emergencies, "href=\"/requests/[0-9a-f-]{36}\">LR-")).isEqualTo(1);
        assertThat(emergencies).contains(emergency.reference()).contains("class=\"tag emergency\"");
    }

    private static int count(String text, String regex) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(regex).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    @Test
    void theServiceListFollowsTheChosenProvider() {
        RequestFixtures.World world = fixtures.world();
        MvcTestResult services = get(
                world.officer(),
                "en",
                "/requests/form/services?providerId=" + world.provider().id());
        assertThat(services).hasStatusOk();
        assertThat(services)
                .bodyText()
                .contains("id=\"serviceId\"")
                .contains(world.service().id().toString())
                .contains("Mobile internet")
                .doesNotContain("<html");
    }

    @Test
    void bothSidesActThroughTheirFormsAndARefusalComesBackWithTheTypedText() throws Exception {
        RequestFixtures.World world = fixtures.world();
        RequestView submitted = fixtures.submitted(world);
        String page = "/requests/" + submitted.id();

        // The provider's first read marks it received; acknowledging is one button.
        assertThat(get(world.compliance(), "en", page)).hasStatusOk();
        MvcTestResult acknowledged =
                post(world.compliance(), "en", page + "/acknowledgement", new LinkedMultiValueMap<>());
        assertThat(acknowledged).hasStatus3xxRedirection();
        assertThat(acknowledged).flash().containsEntry("notice", "requests.page.notice.acknowledged");

        // A refusal with too short an explanation comes back with the problem and what was typed.
        MultiValueMap<String, String> refusal = new LinkedMultiValueMap<>();
        refusal.add("outcome", "impossible");
        refusal.add("reason", "DATA_DOES_NOT_EXIST");
        refusal.add("explanation", "No.");
        MvcTestResult refused = post(world.compliance(), "en", page + "/refusal", refusal);
        assertThat(refused).hasStatus3xxRedirection();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo(page + "#action-refuse");
        assertThat(refused).flash().containsEntry("failed", "refuse");
        // The flash lives in the stored session between the post and the page: follow it with the session's cookie.
        Cookie session = refused.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        MvcTestResult shown = mvc.get()
                .uri(page)
                .cookie(new Cookie("ura-lang", "en"), session)
                .with(authentication(world.compliance().authentication()))
                .exchange();
        assertThat(shown)
                .bodyText()
                .contains("id=\"refuse-explanation-error\"")
                .contains("at least 10 characters")
                .contains(">No.</textarea>")
                .contains("id=\"outcome-impossible\" checked=\"checked\"");
        assertThat(requests.read(world.officer().actor(), submitted.id()).status())
                .isEqualTo(RequestStatus.ACKNOWLEDGED);

        // The answer, per identifier, with a file; the officer reads it, signed.
        MvcTestResult answered = mvc.post()
                .uri(page + "/answer")
                .multipart()
                .file(new MockMultipartFile(
                        "file_0",
                        "records.txt",
                        "text/plain",
                        "Fictional subscriber\n".getBytes(StandardCharsets.UTF_8)))
                .param("found_0", "true")
                .param("records_0", "Fictional subscriber: Test Subscriber, Rruga e Durrësit 1")
                .param("complete", "true")
                .with(authentication(world.compliance().authentication()))
                .with(csrf())
                .exchange();
        assertThat(answered).hasStatus3xxRedirection();
        assertThat(answered).flash().containsEntry("notice", "requests.page.notice.answered");
        String read = body(world.officer(), "en", page);
        assertThat(read)
                .contains("Answered in full")
                .contains("Fictional subscriber: Test Subscriber, Rruga e Durrësit 1")
                .contains("The answer&#39;s signature is valid")
                .contains("records.txt")
                .contains("Close the request");

        // The officer closes it; then each side may give feedback once.
        assertThat(post(world.officer(), "en", page + "/closure", new LinkedMultiValueMap<>()))
                .hasStatus3xxRedirection();
        MultiValueMap<String, String> feedback = new LinkedMultiValueMap<>();
        feedback.add("rating", "5");
        feedback.add("body", "Quick and complete.");
        assertThat(post(world.officer(), "en", page + "/feedback", feedback))
                .flash()
                .containsEntry("notice", "requests.page.notice.feedback");
        assertThat(body(world.compliance(), "en", page))
                .contains("Quick and complete.")
                .contains("5 of 5");
    }

    @Test
    void theLetterAndTheTransparencyReportArePdfs() throws Exception {
        RequestFixtures.World world = fixtures.world();
        RequestView submitted = fixtures.submitted(world);

        for (String path : List.of(
                "/requests/" + submitted.id() + "/letter.pdf", "/api/v1/requests/" + submitted.id() + "/letter.pdf")) {
            MvcTestResult letter = mvc.get()
                    .uri(path)
                    .cookie(new Cookie("ura-lang", "sq"))
                    .with(authentication(world.compliance().authentication()))
                    .exchange();
            assertThat(letter).as(path).hasStatusOk();
            String text = pdfText(letter.getResponse().getContentAsByteArray());
            assertThat(text)
                    .as(path)
                    .contains(submitted.reference())
                    .contains(world.police().nameSq())
                    .contains(world.police().switchboardPhone())
                    .contains("203.0.113.25")
                    .contains("Caktimi i adresës IP")
                    .contains(submitted.signatureKeyId())
                    // The verification address may wrap; its organisation id does not.
                    .contains(world.police().id().toString())
                    .contains("jwks.json")
                    .contains("Nënshkrimi është i vlefshëm");
        }
        MvcTestResult english = mvc.get()
                .uri("/requests/{id}/letter.pdf", submitted.id())
                .cookie(new Cookie("ura-lang", "en"))
                .with(authentication(world.officer().authentication()))
                .exchange();
        assertThat(pdfText(english.getResponse().getContentAsByteArray()))
                .contains("Legal request " + submitted.reference())
                .contains(world.police().nameEn())
                .contains("The signature is valid");

        MvcTestResult report = mvc.get()
                .uri("/requests/transparency.pdf?year=" + java.time.Year.now().getValue())
                .cookie(new Cookie("ura-lang", "en"))
                .with(authentication(world.lead().authentication()))
                .exchange();
        assertThat(report).hasStatusOk();
        assertThat(report).hasContentType("application/pdf");
        String text = pdfText(report.getResponse().getContentAsByteArray());
        assertThat(text)
                .contains("Transparency report " + java.time.Year.now().getValue())
                .contains("Legal requests received by " + world.provider().nameEn())
                .contains("Requests in all");

        MvcTestResult csv = get(world.lead(), "en", "/requests/statistics.csv");
        assertThat(csv).hasStatusOk();
        assertThat(csv).bodyText().startsWith("dimension,key,value").contains("total,requests,1");
    }

    @Test
    void theAnalystSeesTheCountrysFiguresAndNoRequest() {
        RequestFixtures.World world = fixtures.world();
        RequestView submitted = fixtures.submitted(world);
        OrganisationView operator = people.organisation(OrganisationType.NATIONAL_AUTHORITY);
        TestUser analyst = people.user(operator, RequestsConfiguration.ANALYST);

        assertPage(analyst, "en", "/requests/statistics", "Legal request statistics");
        assertThat(body(analyst, "en", "/requests/statistics")).contains("The whole country");
        assertPage(
                analyst,
                "sq",
                "/requests/transparency?provider=" + world.provider().id(),
                "Raporti i transparencës");
        assertPage(analyst, "en", "/requests/transparency", "Transparency report");
        assertThat(get(analyst, "en", "/requests/" + submitted.id())).hasStatus(404);
    }

    private void assertPage(TestUser user, String language, String uri, String heading) {
        MvcTestResult result = get(user, language, uri);
        assertThat(result).as(uri).hasStatusOk();
        assertThat(result).as(uri).bodyText().contains("<h1>" + heading).contains("lang=\"" + language + "\"");
    }

    private String body(TestUser user, String language, String uri) {
        MvcTestResult result = get(user, language, uri);
        assertThat(result).as(uri).hasStatusOk();
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private MvcTestResult get(TestUser user, String language, String uri) {
        return mvc.get()
                .uri(uri)
                .cookie(new Cookie("ura-lang", language))
                .with(authentication(user.authentication()))
                .exchange();
    }

    private MvcTestResult post(TestUser user, String language, String uri, MultiValueMap<String, String> params) {
        return mvc.post()
                .uri(uri)
                .params(params)
                .cookie(new Cookie("ura-lang", language))
                .with(authentication(user.authentication()))
                .with(csrf())
                .exchange();
    }

    private static String pdfText(byte[] pdf) throws java.io.IOException {
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
