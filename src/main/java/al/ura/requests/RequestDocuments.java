package al.ura.requests;

import al.ura.directory.OrganisationDirectory;
import al.ura.directory.OrganisationView;
import al.ura.directory.ProviderCatalogue;
import al.ura.kernel.Actor;
import al.ura.kernel.PdfRenderer;
import al.ura.kernel.PeopleNames;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * The documents made from requests: a request as a printable letter with the agency's letterhead
 * (name, switchboard, website: §24), its signature's key id and where to verify it; and the yearly
 * transparency report of a provider or of the country, aggregates only. Both are the same
 * templates as the pages, rendered to PDF.
 */
@Service
public class RequestDocuments {

    /** The PDFs' stylesheet, a file of its own so that no page carries inline CSS. */
    private static final String PRINT_STYLE = printStyle();

    private final LegalRequests requests;
    private final RequestStatistics statistics;
    private final OrganisationDirectory directory;
    private final ProviderCatalogue catalogue;
    private final LegalCatalogue legal;
    private final SpringTemplateEngine templates;
    private final PdfRenderer pdf;
    private final MessageSource messages;
    private final PeopleNames people;
    private final ApplicationContext application;
    private final String baseUrl;

    RequestDocuments(
            LegalRequests requests,
            RequestStatistics statistics,
            OrganisationDirectory directory,
            ProviderCatalogue catalogue,
            LegalCatalogue legal,
            SpringTemplateEngine templates,
            PdfRenderer pdf,
            MessageSource messages,
            PeopleNames people,
            ApplicationContext application,
            @Value("${ura.base-url:http://localhost:8080}") String baseUrl) {
        this.requests = requests;
        this.statistics = statistics;
        this.directory = directory;
        this.catalogue = catalogue;
        this.legal = legal;
        this.templates = templates;
        this.pdf = pdf;
        this.messages = messages;
        this.people = people;
        this.application = application;
        this.baseUrl = baseUrl;
    }

    /** What the letter template shows. */
    public Map<String, Object> letterModel(Actor actor, UUID id) {
        RequestView request = requests.read(actor, id);
        Map<String, Object> model = new HashMap<>();
        model.put("request", request);
        model.put("signature", requests.signatureOf(request));
        model.put("requester", directory.find(request.requesterId()).orElseThrow());
        model.put(
                "provider",
                request.providerId() == null
                        ? null
                        : directory.find(request.providerId()).orElse(null));
        model.put(
                "service",
                request.serviceId() == null
                        ? null
                        : catalogue.service(request.serviceId()).orElse(null));
        model.put(
                "provision",
                request.legalProvisionId() == null
                        ? null
                        : legal.provision(request.legalProvisionId()).orElse(null));
        model.put("verifyUrl", baseUrl + "/api/v1/directory/organisations/" + request.requesterId() + "/jwks.json");
        model.put(
                "authoriserName",
                request.authoriserId() == null
                        ? null
                        : people.displayNames(List.of(request.authoriserId())).get(request.authoriserId()));
        return model;
    }

    public byte[] letter(Actor actor, UUID id, Locale locale) {
        Map<String, Object> model = letterModel(actor, id);
        model.put("printStyle", PRINT_STYLE);
        RequestView request = (RequestView) java.util.Objects.requireNonNull(model.get("request"));
        String html = templates.process("requests/letter", context(locale, model));
        return pdf.render(
                html, messages.getMessage("requests.letter.title", new Object[] {request.reference()}, locale));
    }

    /** A template context that resolves beans ({@code @dates}) as the pages' views do. */
    private Context context(Locale locale, Map<String, Object> model) {
        Context context = new Context(locale, model);
        context.setVariable(
                ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        return context;
    }

    /** A year's transparency report: one provider's (its own staff, or the operator's analyst) or the country's. */
    public Map<String, Object> transparencyModel(
            Actor actor, int year, @org.jspecify.annotations.Nullable UUID provider) {
        Instant[] period = statistics.year(year);
        RequestStatistics.Scope scope = provider == null
                ? new RequestStatistics.Scope.National()
                : new RequestStatistics.Scope.Provider(provider);
        RequestStatistics.Statistics figures = statistics.compute(actor, scope, period[0], period[1]);
        Map<String, Object> model = new HashMap<>();
        model.put("year", year);
        model.put("figures", figures);
        model.put("provider", provider == null ? null : directory.find(provider).orElse(null));
        Map<UUID, OrganisationView> organisations = new HashMap<>();
        figures.perProvider().forEach(g -> {
            if (g.organisationId() != null) {
                directory.find(g.organisationId()).ifPresent(o -> organisations.put(o.id(), o));
            }
        });
        figures.perUnit().forEach(g -> {
            if (g.organisationId() != null) {
                directory.find(g.organisationId()).ifPresent(o -> organisations.put(o.id(), o));
            }
        });
        model.put("organisations", organisations);
        return model;
    }

    public byte[] transparencyPdf(
            Actor actor, int year, @org.jspecify.annotations.Nullable UUID provider, Locale locale) {
        Map<String, Object> model = transparencyModel(actor, year, provider);
        model.put("printable", true);
        model.put("printStyle", PRINT_STYLE);
        String html = templates.process("requests/transparency", context(locale, model));
        return pdf.render(html, messages.getMessage("requests.transparency.title", new Object[] {year}, locale));
    }

    private static String printStyle() {
        try (java.io.InputStream in =
                RequestDocuments.class.getClassLoader().getResourceAsStream("static/css/print.css")) {
            if (in == null) {
                throw new IllegalStateException("missing static/css/print.css");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
