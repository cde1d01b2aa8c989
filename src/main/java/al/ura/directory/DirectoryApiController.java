package al.ura.directory;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.kernel.CurrentActor;
import al.ura.kernel.CursorPage;
import al.ura.kernel.Cursors;
import al.ura.kernel.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The directory's REST API: organisations and their profiles, keys, provider services and contacts. */
@RestController
@RequestMapping("/api/v1/directory")
@Tag(name = "Directory")
class DirectoryApiController {

    private final OrganisationDirectory directory;
    private final SigningKeyService keys;
    private final ProviderServices services;
    private final ContactDirectory contacts;
    private final DirectoryReaders readers;
    private final ReachabilityChecks checks;
    private final DirectorySearch search;
    private final ContactList contactList;
    private final DirectoryFiles files;
    private final AuditLog auditLog;

    DirectoryApiController(
            OrganisationDirectory directory,
            SigningKeyService keys,
            ProviderServices services,
            ContactDirectory contacts,
            DirectoryReaders readers,
            ReachabilityChecks checks,
            DirectorySearch search,
            ContactList contactList,
            DirectoryFiles files,
            AuditLog auditLog) {
        this.search = search;
        this.contactList = contactList;
        this.files = files;
        this.checks = checks;
        this.directory = directory;
        this.keys = keys;
        this.services = services;
        this.contacts = contacts;
        this.readers = readers;
        this.auditLog = auditLog;
    }

    @GetMapping("/organisations")
    @Operation(summary = "Organisations in the directory, by short name")
    CursorPage<OrganisationView> list(
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return directory.list(CurrentActor.get(), cursor, Cursors.limit(limit));
    }

    @GetMapping("/organisations/{id}")
    @Operation(summary = "One organisation's profile")
    OrganisationView one(@PathVariable UUID id) {
        var actor = CurrentActor.get();
        if (!actor.has(DirectoryPermissions.READ)) {
            auditLog.denied(actor, AuditEvent.of("directory.organisation.read", "organisation", id, id));
            throw ProblemException.forbidden();
        }
        return directory.find(id).orElseThrow(ProblemException::notFound);
    }

    @PostMapping("/organisations")
    @Operation(summary = "Onboard an organisation without an administrator (the platform operator)")
    ResponseEntity<OrganisationView> create(@RequestBody CreateOrganisationCommand command) {
        return ResponseEntity.status(201).body(directory.create(CurrentActor.get(), command));
    }

    @PutMapping("/organisations/{id}")
    @Operation(summary = "Save the profile (the organisation's administrator or the operator)")
    OrganisationView update(@PathVariable UUID id, @RequestBody UpdateProfileCommand command) {
        return directory.updateProfile(CurrentActor.get(), id, command);
    }

    @GetMapping(value = "/organisations/{id}/jwks.json", produces = "application/jwk-set+json")
    @Operation(summary = "The organisation's public signing keys (JWK Set), readable without signing in")
    ResponseEntity<Map<String, Object>> jwks(@PathVariable UUID id) {
        return keys.jwks(id)
                .map(set -> ResponseEntity.ok()
                        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                        .contentType(MediaType.parseMediaType("application/jwk-set+json"))
                        .body(set))
                .orElseThrow(ProblemException::notFound);
    }

    @GetMapping("/organisations/{id}/keys")
    @Operation(summary = "The organisation's signing keys with their validity")
    List<SigningKeyView> keys(@PathVariable UUID id) {
        readers.require(CurrentActor.get(), "directory.signing-keys.read", "organisation", id, id);
        requireOrganisation(id);
        return keys.keysOf(id);
    }

    @PostMapping("/organisations/{id}/keys/rotation")
    @Operation(summary = "Retire the current signing key and create a new one")
    SigningKeyView rotate(@PathVariable UUID id) {
        return keys.rotate(CurrentActor.get(), id);
    }

    @GetMapping("/organisations/{id}/services")
    @Operation(summary = "A provider's services and the data each can disclose")
    List<ProviderServiceView> services(@PathVariable UUID id) {
        readers.require(CurrentActor.get(), "directory.provider-services.read", "organisation", id, id);
        requireOrganisation(id);
        return services.servicesOf(id);
    }

    @PostMapping("/organisations/{id}/services")
    @Operation(summary = "Declare a service")
    ResponseEntity<ProviderServiceView> createService(
            @PathVariable UUID id, @RequestBody ProviderServiceCommand command) {
        return ResponseEntity.status(201).body(services.create(CurrentActor.get(), id, command));
    }

    @GetMapping("/services/{serviceId}")
    @Operation(summary = "One provider service")
    ProviderServiceView service(@PathVariable UUID serviceId) {
        readers.require(CurrentActor.get(), "directory.provider-service.read", "provider_service", serviceId, null);
        return services.service(serviceId).orElseThrow(ProblemException::notFound);
    }

    @PutMapping("/services/{serviceId}")
    @Operation(summary = "Change a service and its offerings")
    ProviderServiceView updateService(@PathVariable UUID serviceId, @RequestBody ProviderServiceCommand command) {
        return services.update(CurrentActor.get(), serviceId, command);
    }

    @DeleteMapping("/services/{serviceId}")
    @Operation(summary = "Retire a service (it stays known to requests made against it)")
    ResponseEntity<Void> retireService(@PathVariable UUID serviceId) {
        services.retire(CurrentActor.get(), serviceId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/organisations/{id}/contacts")
    @Operation(summary = "An organisation's points of contact")
    List<ContactPointView> contacts(@PathVariable UUID id) {
        readers.require(CurrentActor.get(), "directory.contacts.read", "organisation", id, id);
        requireOrganisation(id);
        return contacts.ofOrganisation(id);
    }

    @PostMapping("/organisations/{id}/contacts")
    @Operation(summary = "Add a point of contact (its e-mail must be on an official domain)")
    ResponseEntity<ContactPointView> createContact(@PathVariable UUID id, @RequestBody ContactPointCommand command) {
        return ResponseEntity.status(201).body(contacts.create(CurrentActor.get(), id, command));
    }

    @GetMapping("/contacts/{contactId}")
    @Operation(summary = "One point of contact")
    ContactPointView contact(@PathVariable UUID contactId) {
        readers.require(CurrentActor.get(), "directory.contact.read", "contact_point", contactId, null);
        return contacts.find(contactId).orElseThrow(ProblemException::notFound);
    }

    @PutMapping("/contacts/{contactId}")
    @Operation(summary = "Change a point of contact")
    ContactPointView updateContact(@PathVariable UUID contactId, @RequestBody ContactPointCommand command) {
        return contacts.update(CurrentActor.get(), contactId, command);
    }

    @DeleteMapping("/contacts/{contactId}")
    @Operation(summary = "Remove a point of contact")
    ResponseEntity<Void> removeContact(@PathVariable UUID contactId) {
        contacts.remove(CurrentActor.get(), contactId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/contacts/{contactId}/verification")
    @Operation(summary = "Confirm the contact is still right (re-verification)")
    ContactPointView confirmContact(@PathVariable UUID contactId) {
        return contacts.confirm(CurrentActor.get(), contactId);
    }

    /** An exception as the API takes it. */
    record ExceptionRequest(
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable Boolean available,
            @Nullable LocalTime start,
            @Nullable LocalTime end,
            @Nullable String note) {}

    @PostMapping("/contacts/{contactId}/exceptions")
    @Operation(summary = "Add a holiday or other exception to the contact's availability")
    ContactPointView addException(@PathVariable UUID contactId, @RequestBody ExceptionRequest request) {
        return contacts.addException(CurrentActor.get(), contactId, exception(request));
    }

    @DeleteMapping("/contacts/{contactId}/exceptions/{exceptionId}")
    @Operation(summary = "Remove an exception")
    ContactPointView removeException(@PathVariable UUID contactId, @PathVariable UUID exceptionId) {
        return contacts.removeException(CurrentActor.get(), contactId, exceptionId);
    }

    /** Why the operator suspends. */
    record SuspensionRequest(@Nullable String reason) {}

    @PostMapping("/organisations/{id}/verification")
    @Operation(
            summary = "Verify the organisation (the platform operator): registered becomes verified, with who and when")
    OrganisationView verify(@PathVariable UUID id) {
        return directory.verify(CurrentActor.get(), id);
    }

    @PostMapping("/organisations/{id}/suspension")
    @Operation(
            summary = "Suspend the organisation (the platform operator): its people cannot sign in, its sessions end,"
                    + " its tokens are refused, its keys stop verifying new documents")
    OrganisationView suspend(@PathVariable UUID id, @RequestBody SuspensionRequest request) {
        return directory.suspend(CurrentActor.get(), id, request.reason());
    }

    @PostMapping("/organisations/{id}/reinstatement")
    @Operation(summary = "End a suspension (the platform operator)")
    OrganisationView reinstate(@PathVariable UUID id) {
        return directory.reinstate(CurrentActor.get(), id);
    }

    @GetMapping("/organisations/{id}/history")
    @Operation(
            summary =
                    "Changes to the organisation's entry, newest first (the organisation's managers and the operator)")
    CursorPage<ChangeView> history(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return directory.history(CurrentActor.get(), id, cursor, Cursors.limit(limit));
    }

    @PostMapping("/contacts/{contactId}/reachability-checks")
    @Operation(summary = "Challenge a 24/7 contact (the platform operator): an e-mail link and an in-app notice")
    ResponseEntity<ReachabilityCheckView> startCheck(@PathVariable UUID contactId) {
        return ResponseEntity.status(201).body(checks.start(CurrentActor.get(), contactId));
    }

    @GetMapping("/contacts/{contactId}/reachability-checks")
    @Operation(summary = "The contact's latest reachability checks with their answer times")
    List<ReachabilityCheckView> recentChecks(@PathVariable UUID contactId) {
        readers.require(CurrentActor.get(), "directory.reachability-checks.read", "contact_point", contactId, null);
        if (contacts.find(contactId).isEmpty()) {
            throw ProblemException.notFound();
        }
        return checks.recent(contactId, 10);
    }

    @GetMapping("/reachability-checks/{checkId}")
    @Operation(summary = "One reachability check (the operator and the contact's organisation)")
    ReachabilityCheckView check(@PathVariable UUID checkId) {
        return checks.get(CurrentActor.get(), checkId);
    }

    @PostMapping("/reachability-checks/{checkId}/acknowledgement")
    @Operation(summary = "Acknowledge a reachability check in Ura (a directory manager of the contact's organisation)")
    ReachabilityCheckView acknowledge(@PathVariable UUID checkId) {
        checks.acknowledgeInApp(CurrentActor.get(), checkId);
        return checks.get(CurrentActor.get(), checkId);
    }

    @GetMapping("/search")
    @Operation(
            summary =
                    "Search by name, type, country, sector, contact function, language and availability now;"
                            + " with a contact filter, only organisations (not suspended) with a matching contact, with those contacts")
    CursorPage<SearchResult> search(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable OrganisationType type,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Sector sector,
            @RequestParam(required = false) @Nullable ContactFunction function,
            @RequestParam(required = false) @Nullable String language,
            @RequestParam(defaultValue = "false") boolean availableNow,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return search.search(
                CurrentActor.get(),
                new SearchCriteria(q, type, country, sector, function, language, availableNow),
                cursor,
                Cursors.limit(limit));
    }

    @GetMapping("/contact-list")
    @Operation(summary = "The contact list of a country, per function (the shape of the referral guidelines' Annex 1)")
    List<ContactList.Line> contactList(
            @RequestParam String country, @RequestParam(required = false) @Nullable ContactFunction function) {
        return contactList.lines(CurrentActor.get(), country, function);
    }

    @GetMapping(value = "/contact-list.csv", produces = "text/csv")
    @Operation(summary = "The same contact list as CSV (UTF-8), in the caller's language")
    void contactListCsv(
            @RequestParam String country,
            @RequestParam(required = false) @Nullable ContactFunction function,
            java.util.Locale locale,
            jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        List<ContactList.Line> lines = contactList.lines(CurrentActor.get(), country, function);
        DirectoryController.writeCsv(contactList, lines, country, function, locale, response);
    }

    @GetMapping("/organisations/{id}/documents")
    @Operation(summary = "The documents the organisation publishes")
    List<DocumentView> documents(@PathVariable UUID id) {
        readers.require(CurrentActor.get(), "directory.documents.read", "organisation", id, id);
        requireOrganisation(id);
        return files.documentsOf(id);
    }

    @PostMapping(value = "/organisations/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Publish a document (PDF, office formats, text; at most 20 MB)")
    ResponseEntity<DocumentView> publish(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String language,
            @RequestParam("file") org.springframework.web.multipart.MultipartFile file)
            throws java.io.IOException {
        return ResponseEntity.status(201)
                .body(files.publish(
                        CurrentActor.get(),
                        id,
                        title,
                        language,
                        file.getInputStream(),
                        java.util.Objects.requireNonNullElse(file.getOriginalFilename(), "document")));
    }

    @GetMapping("/documents/{documentId}")
    @Operation(summary = "Download a published document (recorded in the ledger)")
    ResponseEntity<org.springframework.core.io.Resource> download(@PathVariable UUID documentId) {
        return DirectoryController.send(files.download(CurrentActor.get(), documentId));
    }

    @DeleteMapping("/documents/{documentId}")
    @Operation(summary = "Withdraw a published document")
    ResponseEntity<Void> withdraw(@PathVariable UUID documentId) {
        files.withdraw(CurrentActor.get(), documentId);
        return ResponseEntity.noContent().build();
    }

    @PutMapping(value = "/organisations/{id}/logo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Set the organisation's logo (PNG or JPEG, at most 512 KB)")
    OrganisationView logo(
            @PathVariable UUID id, @RequestParam("logo") org.springframework.web.multipart.MultipartFile logo)
            throws java.io.IOException {
        return files.setLogo(
                CurrentActor.get(),
                id,
                logo.getInputStream(),
                java.util.Objects.requireNonNullElse(logo.getOriginalFilename(), "logo"));
    }

    @DeleteMapping("/organisations/{id}/logo")
    @Operation(summary = "Remove the logo")
    OrganisationView removeLogo(@PathVariable UUID id) {
        return files.removeLogo(CurrentActor.get(), id);
    }

    @GetMapping("/organisations/{id}/victim-support")
    @Operation(summary = "The victim-support service fields")
    VictimSupport victimSupport(@PathVariable UUID id) {
        readers.require(CurrentActor.get(), "directory.victim-support.read", "organisation", id, id);
        requireOrganisation(id);
        return files.victimSupport(id);
    }

    /** The victim-support fields as the API takes them. */
    record VictimSupportRequest(
            java.util.@Nullable Set<VictimSupport.SupportType> supportTypes,
            java.util.@Nullable Set<VictimSupport.TargetGroup> targetGroups,
            java.util.@Nullable Set<VictimSupport.TraffickingForm> traffickingForms,
            @Nullable List<String> locations,
            @Nullable String capacityNotes) {}

    @PutMapping("/organisations/{id}/victim-support")
    @Operation(summary = "Save the victim-support service fields")
    VictimSupport saveVictimSupport(@PathVariable UUID id, @RequestBody VictimSupportRequest request) {
        return files.saveVictimSupport(
                CurrentActor.get(),
                id,
                request.supportTypes() == null ? java.util.Set.of() : request.supportTypes(),
                request.targetGroups() == null ? java.util.Set.of() : request.targetGroups(),
                request.traffickingForms() == null ? java.util.Set.of() : request.traffickingForms(),
                request.locations(),
                request.capacityNotes());
    }

    static AvailabilityException exception(ExceptionRequest request) {
        List<ProblemException.FieldProblem> problems = new java.util.ArrayList<>();
        if (request.from() == null) {
            problems.add(ProblemException.FieldProblem.of("from", "validation.required"));
        }
        if (request.available() == null) {
            problems.add(ProblemException.FieldProblem.of("available", "validation.required"));
        }
        if (!problems.isEmpty() || request.from() == null || request.available() == null) {
            throw ProblemException.validation(problems);
        }
        return new AvailabilityException(
                null,
                request.from(),
                request.to() == null ? request.from() : request.to(),
                request.available(),
                request.start(),
                request.end(),
                request.note());
    }

    private void requireOrganisation(UUID id) {
        if (directory.find(id).isEmpty()) {
            throw ProblemException.notFound();
        }
    }
}
