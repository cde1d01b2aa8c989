package al.ura.directory;

import al.ura.kernel.Actor;
import al.ura.kernel.CurrentActor;
import al.ura.kernel.Cursors;
import al.ura.kernel.NavigationItem;
import al.ura.kernel.ProblemException;
import al.ura.kernel.RoleDefinition;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The directory's pages: search, organisation and contact pages, the forms, lists and checks. */
@Controller
class DirectoryController {

    private final OrganisationDirectory directory;
    private final DirectorySearch search;
    private final ContactDirectory contacts;
    private final ProviderServices services;
    private final SigningKeyService keys;
    private final ReachabilityChecks checks;
    private final DirectoryFiles files;
    private final ContactList contactList;
    private final DirectoryReaders readers;
    private final al.ura.kernel.PeopleNames people;

    DirectoryController(
            OrganisationDirectory directory,
            DirectorySearch search,
            ContactDirectory contacts,
            ProviderServices services,
            SigningKeyService keys,
            ReachabilityChecks checks,
            DirectoryFiles files,
            ContactList contactList,
            DirectoryReaders readers,
            al.ura.kernel.PeopleNames people) {
        this.people = people;
        this.directory = directory;
        this.search = search;
        this.contacts = contacts;
        this.services = services;
        this.keys = keys;
        this.checks = checks;
        this.files = files;
        this.contactList = contactList;
        this.readers = readers;
    }

    // ---- search and pages -------------------------------------------------------------------------

    @GetMapping("/directory")
    String organisations(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable OrganisationType type,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Sector sector,
            @RequestParam(required = false) @Nullable ContactFunction function,
            @RequestParam(required = false) @Nullable String language,
            @RequestParam(defaultValue = "false") boolean availableNow,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        SearchCriteria criteria = new SearchCriteria(q, type, country, sector, function, language, availableNow);
        model.addAttribute("criteria", criteria);
        model.addAttribute("page", search.search(CurrentActor.get(), criteria, cursor, Cursors.DEFAULT_LIMIT));
        addChoices(model);
        return "directory/organisations";
    }

    @GetMapping("/directory/organisations/{id}")
    String organisation(@PathVariable UUID id, Model model) {
        Actor actor = CurrentActor.get();
        readers.require(actor, "directory.organisation.read", "organisation", id, id);
        OrganisationView organisation = directory.find(id).orElseThrow(ProblemException::notFound);
        model.addAttribute("organisation", organisation);
        model.addAttribute("contacts", contacts.ofOrganisation(id));
        model.addAttribute("now", java.time.Instant.now());
        model.addAttribute("services", organisation.isProvider() ? services.servicesOf(id) : List.of());
        model.addAttribute("keys", keys.keysOf(id));
        model.addAttribute("documents", files.documentsOf(id));
        model.addAttribute("support", files.victimSupport(id));
        model.addAttribute("mayManage", OrganisationDirectory.mayManage(actor, id));
        model.addAttribute("operator", actor.has(DirectoryPermissions.MANAGE_ORGANISATIONS));
        addChoices(model);
        return "directory/organisation";
    }

    @GetMapping("/directory/organisations/{id}/logo")
    ResponseEntity<Resource> logo(@PathVariable UUID id) {
        readers.require(CurrentActor.get(), "directory.logo.read", "organisation", id, id);
        var file = files.logo(id).orElseThrow(ProblemException::notFound);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
                .body(new InputStreamResource(files.open(file)));
    }

    @GetMapping("/directory/organisations/{id}/history")
    String history(@PathVariable UUID id, @RequestParam(required = false) @Nullable String cursor, Model model) {
        var page = directory.history(CurrentActor.get(), id, cursor, Cursors.DEFAULT_LIMIT);
        model.addAttribute("page", page);
        model.addAttribute(
                "names",
                people.displayNames(page.items().stream()
                        .map(ChangeView::actorUserId)
                        .filter(Objects::nonNull)
                        .collect(java.util.stream.Collectors.toSet())));
        model.addAttribute("organisation", directory.find(id).orElseThrow(ProblemException::notFound));
        return "directory/history";
    }

    // ---- profile ------------------------------------------------------------------------------------

    @GetMapping("/directory/organisations/{id}/edit")
    String editProfile(@PathVariable UUID id, Model model) {
        OrganisationView organisation =
                directory.requireManageable(CurrentActor.get(), id, "directory.organisation.update");
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    new UpdateProfileCommand(
                            organisation.nameSq(),
                            organisation.nameEn(),
                            organisation.sector(),
                            organisation.officialDomains(),
                            organisation.switchboardPhone(),
                            organisation.website(),
                            organisation.postalAddress(),
                            organisation.languages(),
                            organisation.version()));
        }
        model.addAttribute("organisation", organisation);
        model.addAttribute("support", files.victimSupport(id));
        model.addAttribute("documents", files.documentsOf(id));
        addChoices(model);
        return "directory/profile-form";
    }

    @PostMapping("/directory/organisations/{id}")
    String saveProfile(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String nameSq,
            @RequestParam(required = false) @Nullable String nameEn,
            @RequestParam(required = false) @Nullable Sector sector,
            @RequestParam(required = false) @Nullable String officialDomains,
            @RequestParam(required = false) @Nullable String switchboardPhone,
            @RequestParam(required = false) @Nullable String website,
            @RequestParam(required = false) @Nullable String postalAddress,
            @RequestParam(required = false) @Nullable String languages,
            @RequestParam(required = false) @Nullable Integer version,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        UpdateProfileCommand command = new UpdateProfileCommand(
                nameSq,
                nameEn,
                sector,
                Fields.split(officialDomains == null ? null : List.of(officialDomains)),
                switchboardPhone,
                website,
                postalAddress,
                Fields.split(languages == null ? null : List.of(languages.replace(' ', ','))),
                version);
        try {
            directory.updateProfile(CurrentActor.get(), id, command);
            redirect.addFlashAttribute("notice", "directory.saved");
            return "redirect:/directory/organisations/" + id;
        } catch (ProblemException problem) {
            return reshow(problem, response, model, command, () -> editProfile(id, model));
        }
    }

    @PostMapping("/directory/organisations/{id}/victim-support")
    String saveVictimSupport(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable List<VictimSupport.SupportType> supportTypes,
            @RequestParam(required = false) @Nullable List<VictimSupport.TargetGroup> targetGroups,
            @RequestParam(required = false) @Nullable List<VictimSupport.TraffickingForm> traffickingForms,
            @RequestParam(required = false) @Nullable String locations,
            @RequestParam(required = false) @Nullable String capacityNotes,
            RedirectAttributes redirect) {
        try {
            files.saveVictimSupport(
                    CurrentActor.get(),
                    id,
                    supportTypes == null ? Set.of() : Set.copyOf(supportTypes),
                    targetGroups == null ? Set.of() : Set.copyOf(targetGroups),
                    traffickingForms == null ? Set.of() : Set.copyOf(traffickingForms),
                    locations == null ? null : List.of(locations),
                    capacityNotes);
            redirect.addFlashAttribute("notice", "directory.saved");
        } catch (ProblemException problem) {
            if (problem.fieldProblems().isEmpty()) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", problem);
        }
        return "redirect:/directory/organisations/" + id + "/edit";
    }

    @PostMapping("/directory/organisations/{id}/documents")
    String publish(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String language,
            @RequestParam("file") MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        try {
            files.publish(
                    CurrentActor.get(),
                    id,
                    title,
                    language,
                    file.getInputStream(),
                    Objects.requireNonNullElse(file.getOriginalFilename(), "document"));
            redirect.addFlashAttribute("notice", "directory.document.published");
        } catch (ProblemException problem) {
            if (problem.fieldProblems().isEmpty()) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", problem);
        }
        return "redirect:/directory/organisations/" + id + "/edit";
    }

    @GetMapping("/directory/documents/{documentId}")
    ResponseEntity<Resource> download(@PathVariable UUID documentId) {
        return send(files.download(CurrentActor.get(), documentId));
    }

    @PostMapping("/directory/documents/{documentId}/withdraw")
    String withdraw(@PathVariable UUID documentId, @RequestParam UUID organisation, RedirectAttributes redirect) {
        files.withdraw(CurrentActor.get(), documentId);
        redirect.addFlashAttribute("notice", "directory.document.withdrawn");
        return "redirect:/directory/organisations/" + organisation + "/edit";
    }

    @PostMapping("/directory/organisations/{id}/logo")
    String setLogo(@PathVariable UUID id, @RequestParam("logo") MultipartFile logo, RedirectAttributes redirect)
            throws IOException {
        try {
            files.setLogo(
                    CurrentActor.get(),
                    id,
                    logo.getInputStream(),
                    Objects.requireNonNullElse(logo.getOriginalFilename(), "logo"));
            redirect.addFlashAttribute("notice", "directory.saved");
        } catch (ProblemException problem) {
            if (problem.fieldProblems().isEmpty()) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", problem);
        }
        return "redirect:/directory/organisations/" + id + "/edit";
    }

    @PostMapping("/directory/organisations/{id}/logo/remove")
    String removeLogo(@PathVariable UUID id, RedirectAttributes redirect) {
        files.removeLogo(CurrentActor.get(), id);
        redirect.addFlashAttribute("notice", "directory.saved");
        return "redirect:/directory/organisations/" + id + "/edit";
    }

    // ---- the operator -------------------------------------------------------------------------------

    @PostMapping("/directory/organisations/{id}/verification")
    String verify(@PathVariable UUID id, RedirectAttributes redirect) {
        directory.verify(CurrentActor.get(), id);
        redirect.addFlashAttribute("notice", "directory.verified-notice");
        return "redirect:/directory/organisations/" + id;
    }

    @PostMapping("/directory/organisations/{id}/suspension")
    String suspend(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        try {
            directory.suspend(CurrentActor.get(), id, reason);
            redirect.addFlashAttribute("notice", "directory.suspended-notice");
        } catch (ProblemException problem) {
            if (problem.fieldProblems().isEmpty()) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", problem);
        }
        return "redirect:/directory/organisations/" + id;
    }

    @PostMapping("/directory/organisations/{id}/reinstatement")
    String reinstate(@PathVariable UUID id, RedirectAttributes redirect) {
        directory.reinstate(CurrentActor.get(), id);
        redirect.addFlashAttribute("notice", "directory.reinstated-notice");
        return "redirect:/directory/organisations/" + id;
    }

    @PostMapping("/directory/organisations/{id}/keys/rotation")
    String rotate(@PathVariable UUID id, RedirectAttributes redirect) {
        keys.rotate(CurrentActor.get(), id);
        redirect.addFlashAttribute("notice", "directory.keys.rotated");
        return "redirect:/directory/organisations/" + id + "#keys";
    }

    // ---- contacts -----------------------------------------------------------------------------------

    @GetMapping("/directory/contacts/{contactId}")
    String contact(@PathVariable UUID contactId, Model model) {
        Actor actor = CurrentActor.get();
        readers.require(actor, "directory.contact.read", "contact_point", contactId, null);
        ContactPointView contact = contacts.find(contactId).orElseThrow(ProblemException::notFound);
        model.addAttribute("contact", contact);
        model.addAttribute(
                "organisation", directory.find(contact.organisationId()).orElseThrow());
        model.addAttribute("availableNow", contact.availableAt(java.time.Instant.now()));
        model.addAttribute("checks", checks.recent(contactId, 10));
        model.addAttribute("mayManage", OrganisationDirectory.mayManage(actor, contact.organisationId()));
        model.addAttribute("operator", actor.has(DirectoryPermissions.MANAGE_ORGANISATIONS));
        return "directory/contact";
    }

    @GetMapping("/directory/organisations/{id}/contacts/new")
    String newContact(@PathVariable UUID id, Model model) {
        OrganisationView organisation = directory.requireManageable(CurrentActor.get(), id, "directory.contact.create");
        model.addAttribute("organisation", organisation);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ContactForm.empty(organisation));
        }
        addChoices(model);
        return "directory/contact-form";
    }

    @PostMapping("/directory/organisations/{id}/contacts")
    String createContact(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> params,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        ContactForm form = ContactForm.of(params);
        try {
            ContactPointView created = contacts.create(CurrentActor.get(), id, form.command());
            redirect.addFlashAttribute("notice", "directory.saved");
            return "redirect:/directory/contacts/" + created.id();
        } catch (ProblemException problem) {
            return reshow(problem, response, model, form, () -> newContact(id, model));
        }
    }

    @GetMapping("/directory/contacts/{contactId}/edit")
    String editContact(@PathVariable UUID contactId, Model model) {
        ContactPointView contact = contacts.find(contactId).orElseThrow(ProblemException::notFound);
        OrganisationView organisation =
                directory.requireManageable(CurrentActor.get(), contact.organisationId(), "directory.contact.update");
        model.addAttribute("organisation", organisation);
        model.addAttribute("contact", contact);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ContactForm.of(contact));
        }
        addChoices(model);
        return "directory/contact-form";
    }

    @PostMapping("/directory/contacts/{contactId}")
    String updateContact(
            @PathVariable UUID contactId,
            @RequestParam MultiValueMap<String, String> params,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        ContactForm form = ContactForm.of(params);
        try {
            contacts.update(CurrentActor.get(), contactId, form.command());
            redirect.addFlashAttribute("notice", "directory.saved");
            return "redirect:/directory/contacts/" + contactId;
        } catch (ProblemException problem) {
            return reshow(problem, response, model, form, () -> editContact(contactId, model));
        }
    }

    @PostMapping("/directory/contacts/{contactId}/remove")
    String removeContact(@PathVariable UUID contactId, RedirectAttributes redirect) {
        ContactPointView contact = contacts.find(contactId).orElseThrow(ProblemException::notFound);
        contacts.remove(CurrentActor.get(), contactId);
        redirect.addFlashAttribute("notice", "directory.contact.removed");
        return "redirect:/directory/organisations/" + contact.organisationId();
    }

    @PostMapping("/directory/contacts/{contactId}/verification")
    String confirmContact(@PathVariable UUID contactId, RedirectAttributes redirect) {
        contacts.confirm(CurrentActor.get(), contactId);
        redirect.addFlashAttribute("notice", "directory.contact.confirmed");
        return "redirect:/directory/contacts/" + contactId;
    }

    @PostMapping("/directory/contacts/{contactId}/exceptions")
    String addException(
            @PathVariable UUID contactId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "false") boolean available,
            @RequestParam(required = false) @Nullable String start,
            @RequestParam(required = false) @Nullable String end,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        try {
            List<ProblemException.FieldProblem> problems = new ArrayList<>();
            LocalDate fromDate = date(from, "from", problems);
            LocalDate toDate = to == null || to.isBlank() ? fromDate : date(to, "to", problems);
            LocalTime startTime = time(start, "start", problems);
            LocalTime endTime = time(end, "end", problems);
            if (!problems.isEmpty() || fromDate == null || toDate == null) {
                if (problems.isEmpty()) {
                    problems.add(ProblemException.FieldProblem.of("from", "validation.required"));
                }
                throw ProblemException.validation(problems);
            }
            contacts.addException(
                    CurrentActor.get(),
                    contactId,
                    new AvailabilityException(null, fromDate, toDate, available, startTime, endTime, note));
            redirect.addFlashAttribute("notice", "directory.saved");
        } catch (ProblemException problem) {
            if (problem.fieldProblems().isEmpty()) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", problem);
        }
        return "redirect:/directory/contacts/" + contactId + "#exceptions";
    }

    @PostMapping("/directory/contacts/{contactId}/exceptions/{exceptionId}/remove")
    String removeException(@PathVariable UUID contactId, @PathVariable UUID exceptionId, RedirectAttributes redirect) {
        contacts.removeException(CurrentActor.get(), contactId, exceptionId);
        redirect.addFlashAttribute("notice", "directory.saved");
        return "redirect:/directory/contacts/" + contactId + "#exceptions";
    }

    // ---- reachability checks ------------------------------------------------------------------------

    @PostMapping("/directory/contacts/{contactId}/reachability-checks")
    String startCheck(@PathVariable UUID contactId, RedirectAttributes redirect) {
        try {
            checks.start(CurrentActor.get(), contactId);
            redirect.addFlashAttribute("notice", "directory.check.started");
        } catch (ProblemException problem) {
            if (problem.fieldProblems().isEmpty()) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", problem);
        }
        return "redirect:/directory/contacts/" + contactId + "#checks";
    }

    @GetMapping("/directory/checks/{checkId}")
    String check(@PathVariable UUID checkId, Model model) {
        ReachabilityCheckView check = checks.get(CurrentActor.get(), checkId);
        model.addAttribute("check", check);
        model.addAttribute("contact", contacts.find(check.contactId()).orElse(null));
        return "directory/check";
    }

    @PostMapping("/directory/checks/{checkId}/acknowledgement")
    String acknowledgeInApp(@PathVariable UUID checkId, RedirectAttributes redirect) {
        ReachabilityChecks.Acknowledgement outcome = checks.acknowledgeInApp(CurrentActor.get(), checkId);
        redirect.addFlashAttribute("notice", acknowledgementKey(outcome));
        return "redirect:/directory/checks/" + checkId;
    }

    /** The contact's link from the challenge e-mail: a page with one button (mail scanners open links; only a person presses). */
    @GetMapping("/directory/reachability/{token}")
    String acknowledgePage(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        return "directory/acknowledge";
    }

    @PostMapping("/directory/reachability/{token}")
    String acknowledgeByLink(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("outcome", acknowledgementKey(checks.acknowledgeByLink(token)));
        return "directory/acknowledge";
    }

    private static String acknowledgementKey(ReachabilityChecks.Acknowledgement outcome) {
        return switch (outcome) {
            case ReachabilityChecks.Acknowledgement.Acknowledged a -> "directory.check.acknowledged";
            case ReachabilityChecks.Acknowledgement.AlreadyAcknowledged a -> "directory.check.already";
            case ReachabilityChecks.Acknowledgement.Expired e -> "directory.check.expired";
            case ReachabilityChecks.Acknowledgement.Unknown u -> "directory.check.unknown";
        };
    }

    // ---- provider services --------------------------------------------------------------------------

    @GetMapping("/directory/organisations/{id}/services/new")
    String newService(@PathVariable UUID id, Model model) {
        OrganisationView organisation =
                directory.requireManageable(CurrentActor.get(), id, "directory.provider-service.create");
        model.addAttribute("organisation", organisation);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ServiceForm.empty());
        }
        addChoices(model);
        return "directory/service-form";
    }

    @PostMapping("/directory/organisations/{id}/services")
    String createService(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> params,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        ServiceForm form = ServiceForm.of(params);
        try {
            services.create(CurrentActor.get(), id, form.command());
            redirect.addFlashAttribute("notice", "directory.saved");
            return "redirect:/directory/organisations/" + id + "#services";
        } catch (ProblemException problem) {
            return reshow(problem, response, model, form, () -> newService(id, model));
        }
    }

    @GetMapping("/directory/services/{serviceId}/edit")
    String editService(@PathVariable UUID serviceId, Model model) {
        ProviderServiceView service = services.service(serviceId).orElseThrow(ProblemException::notFound);
        OrganisationView organisation = directory.requireManageable(
                CurrentActor.get(), service.organisationId(), "directory.provider-service.update");
        model.addAttribute("organisation", organisation);
        model.addAttribute("service", service);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ServiceForm.of(service));
        }
        addChoices(model);
        return "directory/service-form";
    }

    @PostMapping("/directory/services/{serviceId}")
    String updateService(
            @PathVariable UUID serviceId,
            @RequestParam MultiValueMap<String, String> params,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        ServiceForm form = ServiceForm.of(params);
        try {
            ProviderServiceView updated = services.update(CurrentActor.get(), serviceId, form.command());
            redirect.addFlashAttribute("notice", "directory.saved");
            return "redirect:/directory/organisations/" + updated.organisationId() + "#services";
        } catch (ProblemException problem) {
            return reshow(problem, response, model, form, () -> editService(serviceId, model));
        }
    }

    @PostMapping("/directory/services/{serviceId}/retire")
    String retireService(@PathVariable UUID serviceId, RedirectAttributes redirect) {
        ProviderServiceView service = services.service(serviceId).orElseThrow(ProblemException::notFound);
        services.retire(CurrentActor.get(), serviceId);
        redirect.addFlashAttribute("notice", "directory.service.retired");
        return "redirect:/directory/organisations/" + service.organisationId() + "#services";
    }

    // ---- contact lists ------------------------------------------------------------------------------

    @GetMapping("/directory/contact-list")
    String contactList(
            @RequestParam(defaultValue = "AL") String country,
            @RequestParam(required = false) @Nullable ContactFunction function,
            Model model) {
        model.addAttribute("country", country.toUpperCase(Locale.ROOT));
        model.addAttribute("function", function);
        model.addAttribute("lines", contactList.lines(CurrentActor.get(), country, function));
        addChoices(model);
        return "directory/contact-list";
    }

    @GetMapping("/directory/contact-list.csv")
    void contactListCsv(
            @RequestParam(defaultValue = "AL") String country,
            @RequestParam(required = false) @Nullable ContactFunction function,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        writeCsv(
                contactList,
                contactList.lines(CurrentActor.get(), country, function),
                country,
                function,
                locale,
                response);
    }

    static void writeCsv(
            ContactList contactList,
            List<ContactList.Line> lines,
            String country,
            @Nullable ContactFunction function,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        String name = "ura-contacts-" + country.toUpperCase(Locale.ROOT)
                + (function == null ? "" : "-" + function.name().toLowerCase(Locale.ROOT)) + ".csv";
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name).build().toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\ufeff'); // spreadsheets read the file as UTF-8 only with the byte order mark
        contactList.writeCsv(lines, locale, out);
    }

    static ResponseEntity<Resource> send(DirectoryFiles.Download download) {
        DocumentView document = download.document();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType()))
                .contentLength(document.sizeBytes())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(document.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(download.content()));
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static String reshow(
            ProblemException problem,
            HttpServletResponse response,
            Model model,
            Object form,
            java.util.function.Supplier<String> page) {
        if (problem.fieldProblems().isEmpty() && !problem.type().slug().equals("stale-edit")) {
            throw problem;
        }
        response.setStatus(problem.type().slug().equals("stale-edit") ? 409 : 422);
        model.addAttribute("problem", problem);
        model.addAttribute("form", form);
        return page.get();
    }

    private static void addChoices(Model model) {
        model.addAttribute("types", OrganisationType.values());
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("functions", ContactFunction.values());
        model.addAttribute("kinds", ContactKind.values());
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("items", DataItem.values());
        model.addAttribute("processes", LegalProcess.values());
        model.addAttribute("supportTypes", VictimSupport.SupportType.values());
        model.addAttribute("targetGroups", VictimSupport.TargetGroup.values());
        model.addAttribute("traffickingForms", VictimSupport.TraffickingForm.values());
    }

    private static @Nullable LocalDate date(
            @Nullable String value, String field, List<ProblemException.FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value.trim(), java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
            } catch (DateTimeParseException again) {
                problems.add(ProblemException.FieldProblem.of(field, "directory.validation.date"));
                return null;
            }
        }
    }

    static @Nullable LocalTime time(
            @Nullable String value, String field, List<ProblemException.FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        if (text.equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            problems.add(ProblemException.FieldProblem.of(field, "directory.validation.time"));
            return null;
        }
    }

    /** The contact form as typed, kept to show it again with the errors. */
    record ContactForm(
            @Nullable String function,
            @Nullable String kind,
            @Nullable String name,
            @Nullable String position,
            @Nullable String phones,
            @Nullable String email,
            @Nullable String languages,
            boolean alwaysAvailable,
            @Nullable String timeZone,
            @Nullable String reverificationDays,
            Map<String, String> from,
            Map<String, String> to) {

        static ContactForm empty(OrganisationView organisation) {
            Map<String, String> from = new LinkedHashMap<>();
            Map<String, String> to = new LinkedHashMap<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                if (day.getValue() <= 5) {
                    from.put(day.name(), "08:00");
                    to.put(day.name(), "16:00");
                }
            }
            return new ContactForm(
                    null,
                    ContactKind.DESK.name(),
                    "",
                    "",
                    "",
                    organisation.officialDomains().isEmpty()
                            ? ""
                            : "@" + organisation.officialDomains().getFirst(),
                    String.join(", ", organisation.languages()),
                    false,
                    "Europe/Tirane",
                    String.valueOf(ContactDirectory.DEFAULT_REVERIFICATION_DAYS),
                    from,
                    to);
        }

        static ContactForm of(ContactPointView contact) {
            Map<String, String> from = new LinkedHashMap<>();
            Map<String, String> to = new LinkedHashMap<>();
            for (WeeklyHours span : contact.availability().hours()) {
                // The form shows one span per day; a night shift shows as its two halves.
                if (!from.containsKey(span.day().name())) {
                    from.put(span.day().name(), span.from().toString());
                    to.put(
                            span.day().name(),
                            span.toMinute() == 1440 ? "24:00" : span.to().toString());
                }
            }
            return new ContactForm(
                    contact.function().name(),
                    contact.kind().name(),
                    contact.name(),
                    contact.position(),
                    String.join("\n", contact.phones()),
                    contact.email(),
                    String.join(", ", contact.languages()),
                    contact.alwaysAvailable(),
                    contact.timeZone(),
                    String.valueOf(contact.reverificationDays()),
                    from,
                    to);
        }

        static ContactForm of(MultiValueMap<String, String> params) {
            Map<String, String> from = new LinkedHashMap<>();
            Map<String, String> to = new LinkedHashMap<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                String f = params.getFirst("from_" + day.name());
                String t = params.getFirst("to_" + day.name());
                if (f != null && !f.isBlank()) {
                    from.put(day.name(), f.trim());
                }
                if (t != null && !t.isBlank()) {
                    to.put(day.name(), t.trim());
                }
            }
            return new ContactForm(
                    params.getFirst("function"),
                    params.getFirst("kind"),
                    params.getFirst("name"),
                    params.getFirst("position"),
                    params.getFirst("phones"),
                    params.getFirst("email"),
                    params.getFirst("languages"),
                    "true".equals(params.getFirst("alwaysAvailable")),
                    params.getFirst("timeZone"),
                    params.getFirst("reverificationDays"),
                    from,
                    to);
        }

        ContactPointCommand command() {
            List<ProblemException.FieldProblem> problems = new ArrayList<>();
            List<WeeklyHours> hours = new ArrayList<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                String f = from.get(day.name());
                String t = to.get(day.name());
                if (f == null && t == null) {
                    continue;
                }
                LocalTime start = time(f, "from_" + day.name(), problems);
                LocalTime end = time(t, "to_" + day.name(), problems);
                if (start == null || end == null) {
                    problems.add(
                            ProblemException.FieldProblem.of("to_" + day.name(), "directory.validation.hours-pair"));
                } else {
                    hours.add(new WeeklyHours(day, start, end));
                }
            }
            Integer days = null;
            if (reverificationDays != null && !reverificationDays.isBlank()) {
                try {
                    days = Integer.valueOf(reverificationDays.trim());
                } catch (NumberFormatException e) {
                    problems.add(ProblemException.FieldProblem.of("reverificationDays", "directory.validation.number"));
                }
            }
            if (!problems.isEmpty()) {
                throw ProblemException.validation(problems);
            }
            return new ContactPointCommand(
                    parse(function, ContactFunction.class),
                    parse(kind, ContactKind.class),
                    name,
                    position,
                    Fields.split(phones == null ? null : List.of(phones)),
                    email,
                    Fields.split(languages == null ? null : List.of(languages.replace(' ', ','))),
                    alwaysAvailable,
                    timeZone,
                    alwaysAvailable ? List.of() : hours,
                    days);
        }
    }

    /** The service form as typed: one row per data item. */
    record ServiceForm(
            @Nullable String name,
            @Nullable String url,
            @Nullable String description,
            boolean sharedAddresses,
            @Nullable String answerHours,
            @Nullable String emergencyAnswerHours,
            Set<String> offered,
            Map<String, String> retention,
            Map<String, String> process) {

        static ServiceForm empty() {
            return new ServiceForm("", "", "", false, "", "", Set.of(), Map.of(), Map.of());
        }

        static ServiceForm of(ProviderServiceView service) {
            Map<String, String> retention = new LinkedHashMap<>();
            Map<String, String> process = new LinkedHashMap<>();
            Set<String> offered = new java.util.HashSet<>();
            for (ProviderServiceView.Offering o : service.offerings()) {
                offered.add(o.item().name());
                retention.put(o.item().name(), String.valueOf(o.retentionDays()));
                process.put(o.item().name(), o.legalProcess().name());
            }
            return new ServiceForm(
                    service.name(),
                    service.url(),
                    service.description(),
                    service.sharedAddresses(),
                    service.declaredAnswerTime() == null
                            ? ""
                            : String.valueOf(service.declaredAnswerTime().toHours()),
                    service.declaredEmergencyAnswerTime() == null
                            ? ""
                            : String.valueOf(
                                    service.declaredEmergencyAnswerTime().toHours()),
                    offered,
                    retention,
                    process);
        }

        static ServiceForm of(MultiValueMap<String, String> params) {
            Map<String, String> retention = new LinkedHashMap<>();
            Map<String, String> process = new LinkedHashMap<>();
            Set<String> offered = new java.util.HashSet<>();
            for (DataItem item : DataItem.values()) {
                if ("true".equals(params.getFirst("offer_" + item.name()))) {
                    offered.add(item.name());
                }
                retention.put(item.name(), Objects.requireNonNullElse(params.getFirst("retention_" + item.name()), ""));
                process.put(item.name(), Objects.requireNonNullElse(params.getFirst("process_" + item.name()), ""));
            }
            return new ServiceForm(
                    params.getFirst("name"),
                    params.getFirst("url"),
                    params.getFirst("description"),
                    "true".equals(params.getFirst("sharedAddresses")),
                    params.getFirst("answerHours"),
                    params.getFirst("emergencyAnswerHours"),
                    offered,
                    retention,
                    process);
        }

        ProviderServiceCommand command() {
            List<ProblemException.FieldProblem> problems = new ArrayList<>();
            List<ProviderServiceCommand.Offering> offerings = new ArrayList<>();
            for (DataItem item : DataItem.values()) {
                if (!offered.contains(item.name())) {
                    continue;
                }
                offerings.add(new ProviderServiceCommand.Offering(
                        item,
                        number(retention.get(item.name()), "retention_" + item.name(), problems),
                        parse(process.get(item.name()), LegalProcess.class)));
            }
            Integer answer = number(answerHours, "answerHours", problems);
            Integer emergency = number(emergencyAnswerHours, "emergencyAnswerHours", problems);
            if (!problems.isEmpty()) {
                throw ProblemException.validation(problems);
            }
            return new ProviderServiceCommand(name, url, description, sharedAddresses, offerings, answer, emergency);
        }
    }

    private static @Nullable Integer number(
            @Nullable String value, String field, List<ProblemException.FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            problems.add(ProblemException.FieldProblem.of(field, "directory.validation.number"));
            return null;
        }
    }

    private static <E extends Enum<E>> @Nullable E parse(@Nullable String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : EnumSet.allOf(type)) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        return null;
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        /** People who keep their organisation's entry right without administering its users. */
        @Bean
        RoleDefinition directoryEditor() {
            return new RoleDefinition(
                    "directory-editor", Set.of(DirectoryPermissions.READ, DirectoryPermissions.MANAGE_OWN), false, 60);
        }

        @Bean
        NavigationItem directoryNavigation() {
            return new NavigationItem("nav.directory", "/directory", 100, Set.of(DirectoryPermissions.READ));
        }

        @Bean
        NavigationItem contactListNavigation() {
            return new NavigationItem(
                    "directory.nav.contact-list", "/directory/contact-list", 110, Set.of(DirectoryPermissions.READ));
        }
    }
}
