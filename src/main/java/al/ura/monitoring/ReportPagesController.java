package al.ura.monitoring;

import al.ura.kernel.Actor;
import al.ura.kernel.CurrentActor;
import al.ura.kernel.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The annual report's page and PDF, and the simple register pages: agreements and memoranda, and
 * trainings, exercises, awareness activities and forums, by year, with the coordinator's forms.
 */
@Controller
class ReportPagesController {

    private final AnnualReport report;
    private final MonitoringRegisters registers;
    private final Clock clock;
    private final ZoneId zone;

    ReportPagesController(
            AnnualReport report,
            MonitoringRegisters registers,
            Clock clock,
            @Value("${ura.time-zone:Europe/Tirane}") String zone) {
        this.report = report;
        this.registers = registers;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    // ---- the report ----

    @GetMapping("/monitoring/periods/{id}/report")
    String report(@PathVariable UUID id, Locale locale, Model model) {
        model.addAllAttributes(report.model(report.report(CurrentActor.get(), id, locale), false));
        return AnnualReport.TEMPLATE;
    }

    @GetMapping("/monitoring/periods/{id}/report.pdf")
    ResponseEntity<byte[]> reportPdf(@PathVariable UUID id, Locale locale) {
        return ReportApiController.pdf(report, id, locale);
    }

    // ---- agreements ----

    /** The agreement form as typed, to show it again with its errors. */
    record AgreementForm(
            String title,
            String parties,
            String kind,
            String partner,
            String signedOn,
            String scope,
            String status,
            @Nullable Integer version) {

        /** Bound from the request: a field left out is empty, as typed. */
        AgreementForm {
            title = text(title);
            parties = text(parties);
            kind = text(kind);
            partner = text(partner);
            signedOn = text(signedOn);
            scope = text(scope);
            status = text(status);
        }

        static AgreementForm empty() {
            return new AgreementForm(
                    "",
                    "",
                    AgreementView.Kind.AGREEMENT.name(),
                    AgreementView.Partner.PUBLIC.name(),
                    "",
                    "",
                    AgreementView.Status.SIGNED.name(),
                    null);
        }

        static AgreementForm of(AgreementView a) {
            return new AgreementForm(
                    a.title(),
                    a.parties(),
                    a.kind().name(),
                    a.partner().name(),
                    a.signedOn().toString(),
                    Objects.requireNonNullElse(a.scope(), ""),
                    a.status().name(),
                    a.version());
        }

        AgreementCommand command() {
            return new AgreementCommand(
                    title,
                    parties,
                    parse(AgreementView.Kind.class, kind),
                    parse(AgreementView.Partner.class, partner),
                    date(signedOn),
                    scope,
                    parse(AgreementView.Status.class, status),
                    version);
        }
    }

    @GetMapping("/monitoring/agreements")
    String agreements(@RequestParam(required = false) @Nullable Integer year, Model model) {
        return agreementsPage(year(year), null, AgreementForm.empty(), model);
    }

    @GetMapping("/monitoring/agreements/{id}/edit")
    String editAgreement(@PathVariable UUID id, Model model) {
        AgreementView agreement = registers.agreement(CurrentActor.get(), id);
        return agreementsPage(agreement.signedOn().getYear(), agreement, AgreementForm.of(agreement), model);
    }

    @PostMapping("/monitoring/agreements")
    String createAgreement(AgreementForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return saveAgreement(null, form, model, response, redirect);
    }

    @PostMapping("/monitoring/agreements/{id}")
    String updateAgreement(
            @PathVariable UUID id,
            AgreementForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return saveAgreement(id, form, model, response, redirect);
    }

    /** Creates ({@code id} null) or updates the agreement; a refusal shows the form again as typed. */
    private String saveAgreement(
            @Nullable UUID id,
            AgreementForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        try {
            AgreementView saved = id == null
                    ? registers.createAgreement(actor, form.command())
                    : registers.updateAgreement(actor, id, form.command());
            redirect.addFlashAttribute("notice", "monitoring.agreement.saved");
            return "redirect:/monitoring/agreements?year=" + saved.signedOn().getYear();
        } catch (ProblemException problem) {
            if (id == null) {
                return again(
                        problem, response, model, () -> agreementsPage(yearOf(form.signedOn()), null, form, model));
            }
            AgreementView agreement = registers.agreement(actor, id);
            return again(
                    problem,
                    response,
                    model,
                    () -> agreementsPage(agreement.signedOn().getYear(), agreement, form, model));
        }
    }

    @PostMapping("/monitoring/agreements/{id}/document")
    String attachDocument(
            @PathVariable UUID id,
            @RequestParam("file") MultipartFile file,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            AgreementView agreement = registers.attachDocument(
                    CurrentActor.get(),
                    id,
                    file.getInputStream(),
                    Objects.requireNonNullElse(file.getOriginalFilename(), "document"));
            redirect.addFlashAttribute("notice", "monitoring.agreement.document.saved");
            return "redirect:/monitoring/agreements/" + agreement.id() + "/edit";
        } catch (ProblemException problem) {
            AgreementView agreement = registers.agreement(CurrentActor.get(), id);
            return again(
                    problem,
                    response,
                    model,
                    () -> agreementsPage(
                            agreement.signedOn().getYear(), agreement, AgreementForm.of(agreement), model));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/monitoring/agreements/{id}/document")
    ResponseEntity<InputStreamResource> document(@PathVariable UUID id) {
        return ReportApiController.send(registers.document(CurrentActor.get(), id));
    }

    private String agreementsPage(int year, @Nullable AgreementView editing, AgreementForm form, Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("year", String.valueOf(year));
        model.addAttribute("agreements", registers.agreements(actor, year));
        model.addAttribute("editing", editing);
        model.addAttribute("form", form);
        model.addAttribute("mayEdit", actor.has(MonitoringPermissions.COORDINATE));
        model.addAttribute("kinds", AgreementView.Kind.values());
        model.addAttribute("partners", AgreementView.Partner.values());
        model.addAttribute("statuses", AgreementView.Status.values());
        return "monitoring/agreements";
    }

    // ---- trainings, exercises, awareness activities, forums ----

    record EventForm(
            String kind,
            String title,
            String heldOn,
            String organiser,
            String audience,
            String participants,
            String sessions,
            @Nullable Integer version) {

        /** Bound from the request: a field left out is empty, as typed. */
        EventForm {
            kind = text(kind);
            title = text(title);
            heldOn = text(heldOn);
            organiser = text(organiser);
            audience = text(audience);
            participants = text(participants);
            sessions = text(sessions);
        }

        static EventForm empty() {
            return new EventForm(EventView.Kind.TRAINING.name(), "", "", "", "", "", "1", null);
        }

        static EventForm of(EventView e) {
            return new EventForm(
                    e.kind().name(),
                    e.title(),
                    e.heldOn().toString(),
                    e.organiser(),
                    Objects.requireNonNullElse(e.audience(), ""),
                    String.valueOf(e.participants()),
                    String.valueOf(e.sessions()),
                    e.version());
        }

        EventCommand command() {
            return new EventCommand(
                    parse(EventView.Kind.class, kind),
                    title,
                    date(heldOn),
                    organiser,
                    audience,
                    number(participants),
                    number(sessions),
                    version);
        }
    }

    @GetMapping("/monitoring/events")
    String events(@RequestParam(required = false) @Nullable Integer year, Model model) {
        return eventsPage(year(year), null, EventForm.empty(), model);
    }

    @GetMapping("/monitoring/events/{id}/edit")
    String editEvent(@PathVariable UUID id, Model model) {
        EventView event = registers.event(CurrentActor.get(), id);
        return eventsPage(event.heldOn().getYear(), event, EventForm.of(event), model);
    }

    @PostMapping("/monitoring/events")
    String createEvent(EventForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return saveEvent(null, form, model, response, redirect);
    }

    @PostMapping("/monitoring/events/{id}")
    String updateEvent(
            @PathVariable UUID id,
            EventForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return saveEvent(id, form, model, response, redirect);
    }

    /** Creates ({@code id} null) or updates the event; a refusal shows the form again as typed. */
    private String saveEvent(
            @Nullable UUID id, EventForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        try {
            EventView saved = id == null
                    ? registers.createEvent(actor, form.command())
                    : registers.updateEvent(actor, id, form.command());
            redirect.addFlashAttribute("notice", "monitoring.event.saved");
            return "redirect:/monitoring/events?year=" + saved.heldOn().getYear();
        } catch (ProblemException problem) {
            if (id == null) {
                return again(problem, response, model, () -> eventsPage(yearOf(form.heldOn()), null, form, model));
            }
            EventView event = registers.event(actor, id);
            return again(
                    problem, response, model, () -> eventsPage(event.heldOn().getYear(), event, form, model));
        }
    }

    private String eventsPage(int year, @Nullable EventView editing, EventForm form, Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("year", String.valueOf(year));
        model.addAttribute("events", registers.events(actor, year));
        model.addAttribute("editing", editing);
        model.addAttribute("form", form);
        model.addAttribute("mayEdit", actor.has(MonitoringPermissions.COORDINATE));
        model.addAttribute("kinds", EventView.Kind.values());
        return "monitoring/events";
    }

    // ---- helpers ----

    /** A refusal with field errors or a stale version shows the form again with them; anything else is the error page. */
    private static String again(
            ProblemException problem,
            HttpServletResponse response,
            Model model,
            java.util.function.Supplier<String> page) {
        if (problem.fieldProblems().isEmpty() && problem.type().status() != 409) {
            throw problem;
        }
        response.setStatus(problem.type().status());
        model.addAttribute("problem", problem);
        return page.get();
    }

    private int year(@Nullable Integer year) {
        return year == null ? LocalDate.now(clock.withZone(zone)).getYear() : year;
    }

    private int yearOf(String date) {
        LocalDate parsed = date(date);
        return parsed == null ? year(null) : parsed.getYear();
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, String name) {
        try {
            return name.isBlank() ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static @Nullable LocalDate date(String text) {
        try {
            return text.isBlank() ? null : LocalDate.parse(text.trim());
        } catch (DateTimeParseException malformed) {
            return null;
        }
    }

    private static @Nullable Integer number(String text) {
        try {
            return text.isBlank() ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException malformed) {
            return null;
        }
    }
}
