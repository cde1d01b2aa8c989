package al.ura.requests;

import al.ura.directory.DataCategory;
import al.ura.directory.DataItem;
import al.ura.directory.OrganisationDirectory;
import al.ura.directory.OrganisationView;
import al.ura.directory.ProviderCatalogue;
import al.ura.identity.UserContacts;
import al.ura.kernel.Actor;
import al.ura.kernel.CurrentActor;
import al.ura.kernel.CursorPage;
import al.ura.kernel.Cursors;
import al.ura.kernel.PeopleNames;
import al.ura.kernel.ProblemException;
import al.ura.kernel.ProblemException.FieldProblem;
import al.ura.kernel.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

/**
 * The legal requests' pages: the queues (the requester's outbox, the provider's inbox), the draft
 * form, a request's page with the actions each side may take now, oral emergencies, statistics
 * and the transparency report. Every action is a form post that redirects back with a message;
 * a refusal is shown in the reader's language, next to the field it is about, and nothing typed
 * is lost. Each page asks the module's services, which check the permission and the organisation.
 */
@Controller
class RequestsPageController {

    /** Identifier rows a new draft starts with; "add a row" adds one more, up to the configured maximum. */
    static final int ROWS = 3;

    private static final Pattern IDENTIFIER_FIELD = Pattern.compile("identifiers\\[(\\d+)]\\.(\\w+)");
    private static final Pattern ANSWER_FIELD = Pattern.compile("items\\[(\\d+)]\\.(\\w+)");
    private static final Set<RequestStatus> ANSWERABLE = EnumSet.of(
            RequestStatus.SUBMITTED,
            RequestStatus.RECEIVED,
            RequestStatus.ACKNOWLEDGED,
            RequestStatus.IN_PROGRESS,
            RequestStatus.CLARIFICATION_REQUESTED);

    private final LegalRequests requests;
    private final ProviderDesk desk;
    private final Preservations preservations;
    private final OralEmergencies oral;
    private final RequestConversation conversation;
    private final RequestAttachments attachments;
    private final RequestStatistics statistics;
    private final RequestDocuments documents;
    private final LegalCatalogue legal;
    private final OrganisationDirectory directory;
    private final ProviderCatalogue catalogue;
    private final UserContacts contacts;
    private final PeopleNames people;
    private final RequestsProperties properties;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ZoneId zone;

    RequestsPageController(
            LegalRequests requests,
            ProviderDesk desk,
            Preservations preservations,
            OralEmergencies oral,
            RequestConversation conversation,
            RequestAttachments attachments,
            RequestStatistics statistics,
            RequestDocuments documents,
            LegalCatalogue legal,
            OrganisationDirectory directory,
            ProviderCatalogue catalogue,
            UserContacts contacts,
            PeopleNames people,
            RequestsProperties properties,
            MessageSource messages,
            TransactionTemplate transaction,
            Clock clock,
            @Value("${ura.time-zone:Europe/Tirane}") String zone) {
        this.requests = requests;
        this.desk = desk;
        this.preservations = preservations;
        this.oral = oral;
        this.conversation = conversation;
        this.attachments = attachments;
        this.statistics = statistics;
        this.documents = documents;
        this.legal = legal;
        this.directory = directory;
        this.catalogue = catalogue;
        this.contacts = contacts;
        this.people = people;
        this.properties = properties;
        this.messages = messages;
        this.transaction = transaction;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    // ---- the queues --------------------------------------------------------------------------

    /** What the queues are narrowed to, as the filter form shows it. */
    record QueueFilter(
            @Nullable RequestStatus status,
            @Nullable Priority priority,
            @Nullable Boolean emergency,
            boolean overdue,
            @Nullable String reference) {

        RequestRepository.Filter filter() {
            return new RequestRepository.Filter(
                    status == null ? null : Set.of(status), priority, emergency, overdue, reference);
        }
    }

    @GetMapping("/requests")
    String queues(
            @RequestParam(required = false) @Nullable RequestStatus status,
            @RequestParam(required = false) @Nullable Priority priority,
            @RequestParam(required = false) @Nullable Boolean emergency,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) @Nullable String reference,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String inboxCursor,
            Model model) {
        Actor actor = CurrentActor.get();
        QueueFilter filter = new QueueFilter(status, priority, emergency, overdue, blankToNull(reference));
        boolean requester = RequestAccess.requesterStaff(actor);
        boolean provider = RequestAccess.providerStaff(actor);
        CursorPage<RequestSummary> outbox = null;
        CursorPage<RequestSummary> inbox = null;
        if (requester || !provider) {
            // Someone on neither side is refused here, and the refusal is in the ledger.
            outbox = requests.outbox(actor, filter.filter(), cursor, Cursors.DEFAULT_LIMIT);
        }
        if (provider) {
            inbox = requests.inbox(actor, filter.filter(), inboxCursor, Cursors.DEFAULT_LIMIT);
        }
        Set<UUID> organisationIds = new HashSet<>();
        List<RequestSummary> rows = new ArrayList<>();
        if (outbox != null) {
            rows.addAll(outbox.items());
        }
        if (inbox != null) {
            rows.addAll(inbox.items());
        }
        rows.forEach(row -> {
            organisationIds.add(row.requesterId());
            if (row.providerId() != null) {
                organisationIds.add(row.providerId());
            }
        });
        List<OralEmergencies.OralView> pendingOral = oral.pending(actor);
        pendingOral.forEach(o -> {
            organisationIds.add(o.requesterId());
            organisationIds.add(o.providerId());
        });
        model.addAttribute("filter", filter);
        model.addAttribute("outbox", outbox);
        model.addAttribute("inbox", inbox);
        model.addAttribute("pendingOral", pendingOral);
        model.addAttribute("organisations", organisations(organisationIds));
        model.addAttribute("statuses", RequestStatus.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("mayDraft", actor.has(RequestPermissions.DRAFT));
        return "requests/list";
    }

    // ---- the draft form ----------------------------------------------------------------------

    @GetMapping("/requests/new")
    String newDraft(@RequestParam(required = false) @Nullable UUID oralRequest, Model model) {
        Actor actor = CurrentActor.get();
        OrganisationView requester = requireRequesterOrganisation(actor);
        String email = actor.userId() == null
                ? ""
                : contacts.of(actor.userId())
                        .map(UserContacts.Contact::email)
                        .filter(requester::ownsAddress)
                        .orElse("");
        DraftCommand prefill = new DraftCommand(
                RequestType.DISCLOSURE,
                null,
                null,
                actor.displayName(),
                null,
                email,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                Priority.NORMAL,
                false,
                null,
                true,
                null,
                null,
                null,
                null,
                false);
        if (oralRequest != null) {
            OralEmergencies.OralView call = oral.read(actor, oralRequest);
            prefill = new DraftCommand(
                    RequestType.EMERGENCY_DISCLOSURE,
                    null,
                    call.requestingUnit(),
                    actor.displayName(),
                    null,
                    email,
                    null,
                    null,
                    call.providerId(),
                    null,
                    List.of(),
                    null,
                    call.asked(),
                    null,
                    Priority.CRITICAL,
                    true,
                    null,
                    true,
                    null,
                    null,
                    null,
                    call.id(),
                    false);
        }
        return formPage(model, DraftForm.of(prefill, 0), null, ROWS);
    }

    @GetMapping("/requests/{id}/edit")
    String editDraft(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer rows, Model model) {
        Actor actor = CurrentActor.get();
        RequestView request = requireEditable(actor, id);
        if (request.status() != RequestStatus.DRAFT) {
            return "redirect:/requests/" + id;
        }
        DraftForm form = request.draft() == null
                ? DraftForm.empty().withVersion(request.version())
                : DraftForm.of(request.draft(), request.version());
        return formPage(model, form, request, rows == null ? ROWS : rows);
    }

    @PostMapping("/requests")
    String createDraft(
            @RequestParam MultiValueMap<String, String> params,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        requireRequesterOrganisation(CurrentActor.get());
        return saveDraft(null, params, response, model, redirect);
    }

    @PostMapping("/requests/{id}")
    String updateDraft(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> params,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return saveDraft(id, params, response, model, redirect);
    }

    /** The service select for the chosen provider: what htmx swaps in when the provider changes. */
    @GetMapping("/requests/form/services")
    String services(@RequestParam(required = false) @Nullable String providerId, Model model) {
        requireRequesterOrganisation(CurrentActor.get());
        UUID provider = providerId == null ? null : DraftForm.uuidOrNull(providerId);
        model.addAttribute("services", provider == null ? List.of() : catalogue.servicesOf(provider));
        model.addAttribute("providerChosen", provider != null);
        model.addAttribute("selectedService", "");
        return "requests/form :: services";
    }

    /**
     * Saves what was typed (never validated: a draft may be incomplete), then does what the
     * button asked: stay on the form, add a row, or send for authorisation, which validates the
     * whole request and shows the form again with every problem next to its field.
     */
    private String saveDraft(
            @Nullable UUID id,
            MultiValueMap<String, String> params,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        String action = Objects.requireNonNullElse(params.getFirst("action"), "save");
        DraftForm typed = DraftForm.of(params, properties.maxIdentifiers());
        RequestView existing = id == null ? null : requireEditable(actor, id);
        if (existing != null && existing.status() != RequestStatus.DRAFT) {
            response.setStatus(409);
            model.addAttribute("problem", LegalRequests.conflict("requests.problem.not-a-draft"));
            return formPage(model, typed, existing, typed.identifiers().size());
        }
        int shownRows = Math.max(ROWS, typed.identifiers().size());
        if ("refresh".equals(action)) {
            return formPage(model, typed, existing, shownRows);
        }
        DraftCommand command;
        try {
            command = typed.command();
        } catch (ProblemException unreadable) {
            response.setStatus(422);
            model.addAttribute("problem", unreadable);
            return formPage(model, typed.withoutBlankRows(), existing, shownRows);
        }
        if (existing == null && "submit".equals(action)) {
            // A new request sent at once: checked, then stored once; kept as a draft if it is not valid.
            return switch (requests.createAndSubmitForAuthorisation(actor, command)) {
                case Sending.Sent sent -> {
                    redirect.addFlashAttribute("notice", "requests.page.notice.sent-for-authorisation");
                    yield "redirect:/requests/" + sent.request().id();
                }
                case Sending.KeptAsDraft kept -> {
                    response.setStatus(422);
                    model.addAttribute("problem", kept.problem());
                    model.addAttribute("savedAnyway", true);
                    yield formPage(model, DraftForm.of(command, kept.request().version()), kept.request(), shownRows);
                }
            };
        }
        RequestView saved;
        try {
            saved = existing == null
                    ? requests.createDraft(actor, command)
                    : requests.updateDraft(actor, existing.id(), typed.version(), command);
        } catch (ProblemException problem) {
            if (problem.type().status() != 409 && problem.fieldProblems().isEmpty()) {
                throw problem;
            }
            response.setStatus(problem.type().status() == 409 ? 409 : 422);
            model.addAttribute("problem", problem);
            return formPage(model, typed.withoutBlankRows(), existing, shownRows);
        }
        int filled = command.identifiersOrEmpty().size();
        switch (action) {
            case "add-row" -> {
                redirect.addFlashAttribute("notice", "requests.page.notice.draft-saved");
                return "redirect:/requests/" + saved.id() + "/edit?rows="
                        + Math.min(properties.maxIdentifiers(), Math.max(ROWS, filled) + 1);
            }
            case "submit" -> {
                try {
                    requests.submitForAuthorisation(actor, saved.id());
                } catch (ProblemException problem) {
                    if (problem.type().status() != 409
                            && problem.fieldProblems().isEmpty()) {
                        throw problem;
                    }
                    response.setStatus(problem.type().status() == 409 ? 409 : 422);
                    model.addAttribute("problem", problem);
                    model.addAttribute("savedAnyway", true);
                    return formPage(model, DraftForm.of(command, saved.version()), saved, shownRows);
                }
                redirect.addFlashAttribute("notice", "requests.page.notice.sent-for-authorisation");
                return "redirect:/requests/" + saved.id();
            }
            default -> {
                redirect.addFlashAttribute("notice", "requests.page.notice.draft-saved");
                return "redirect:/requests/" + saved.id() + "/edit" + (filled > ROWS ? "?rows=" + filled : "");
            }
        }
    }

    private String formPage(Model model, DraftForm form, @Nullable RequestView request, int rows) {
        Actor actor = CurrentActor.get();
        OrganisationView requester = requireRequesterOrganisation(actor);
        int shown = Math.min(
                properties.maxIdentifiers(),
                Math.max(Math.max(rows, ROWS), form.identifiers().size()));
        UUID provider = form.provider();
        List<OralEmergencies.OralView> calls = oral.pending(actor).stream()
                .filter(o -> o.requesterId().equals(requester.id()))
                .toList();
        model.addAttribute("form", form);
        model.addAttribute("rows", form.rows(shown));
        model.addAttribute("mayAddRow", shown < properties.maxIdentifiers());
        model.addAttribute("request", request);
        model.addAttribute("requester", requester);
        model.addAttribute("provisions", legal.provisions(requester.country()));
        List<OrganisationView> providers = requests.providers(actor);
        model.addAttribute("providers", providers);
        model.addAttribute("services", provider == null ? List.of() : catalogue.servicesOf(provider));
        model.addAttribute("providerChosen", provider != null);
        model.addAttribute("selectedService", form.serviceId());
        model.addAttribute("preservations", preservations.active(actor));
        model.addAttribute("calls", calls);
        model.addAttribute("attachments", request == null ? List.of() : attachments.list(actor, request.id()));
        model.addAttribute("types", RequestType.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("kinds", IdentifierKind.values());
        model.addAttribute("categories", DataCategory.values());
        model.addAttribute("items", DataItem.values());
        Map<UUID, OrganisationView> names = new HashMap<>();
        providers.forEach(p -> names.put(p.id(), p));
        model.addAttribute("providerNames", names);
        Object problem = model.getAttribute("problem");
        if (problem instanceof ProblemException p) {
            model.addAttribute("problemRows", problemRows(p, currentLocale()));
        }
        return "requests/form";
    }

    /** The request, for its requester's officers; anyone else is told it does not exist. */
    private RequestView requireEditable(Actor actor, UUID id) {
        RequestAccess.Side side = requests.sideOf(actor, id);
        if (side != RequestAccess.Side.REQUESTER || !actor.has(RequestPermissions.DRAFT)) {
            throw ProblemException.notFound();
        }
        return requests.read(actor, id);
    }

    /** The actor's organisation, when it is one that sends requests and the actor drafts them. */
    private OrganisationView requireRequesterOrganisation(Actor actor) {
        if (!actor.has(RequestPermissions.DRAFT) || actor.organisationId() == null) {
            throw ProblemException.forbidden();
        }
        OrganisationView organisation = directory.find(actor.organisationId()).orElseThrow(ProblemException::notFound);
        if (!LegalRequests.REQUESTERS.contains(organisation.type())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "requests.problem.not-law-enforcement");
        }
        return organisation;
    }

    // ---- a request's page --------------------------------------------------------------------

    /** What each side may do with the request now; the services check it again. */
    record Actions(
            boolean edit,
            boolean submit,
            boolean authorise,
            boolean authoriseOwn,
            boolean returnToOfficer,
            boolean withdraw,
            boolean clarify,
            boolean close,
            boolean extend,
            boolean release,
            boolean acknowledge,
            boolean askClarification,
            boolean start,
            boolean answer,
            boolean claim,
            boolean decide,
            boolean feedback,
            boolean attachOrder,
            boolean letter,
            boolean signed) {}

    /** One line of the history, with who acted by name. */
    record HistoryRow(
            RequestRepository.EventView event,
            @Nullable String actorName,
            @Nullable String organisationName) {}

    /** One comment with its author's name. */
    record CommentRow(
            RequestConversation.CommentView comment,
            @Nullable String authorName,
            @Nullable String organisationName) {}

    /** A problem as the page lists it: which field, in words, and what is wrong. */
    record ProblemRow(String field, String label, String message) {}

    @GetMapping("/requests/{id}")
    String request(@PathVariable UUID id, Model model) {
        Actor actor = CurrentActor.get();
        RequestAccess.Side side = requests.sideOf(actor, id);
        RequestView request = requests.read(actor, id);
        LegalRequests.SignatureStatus signature = requests.signatureOf(request);
        Locale locale = currentLocale();

        List<RequestRepository.EventView> events = requests.history(actor, id);
        List<RequestConversation.CommentView> comments = conversation.comments(actor, id);
        Set<UUID> personIds = new HashSet<>();
        Set<UUID> organisationIds = new HashSet<>();
        organisationIds.add(request.requesterId());
        if (request.providerId() != null) {
            organisationIds.add(request.providerId());
        }
        events.forEach(e -> {
            if (e.actorId() != null) {
                personIds.add(e.actorId());
            }
            if (e.actorOrganisationId() != null) {
                organisationIds.add(e.actorOrganisationId());
            }
        });
        comments.forEach(c -> {
            if (c.authorId() != null) {
                personIds.add(c.authorId());
            }
            organisationIds.add(c.authorOrganisationId());
        });
        if (request.authoriserId() != null) {
            personIds.add(request.authoriserId());
        }
        List<LegalRequests.Overlap> overlaps = side == RequestAccess.Side.REQUESTER
                        && actor.has(RequestPermissions.DRAFT)
                        && request.status().sent()
                ? requests.overlaps(actor, id)
                : List.of();
        overlaps.forEach(o -> organisationIds.add(o.organisationId()));
        Map<UUID, String> names = personIds.isEmpty() ? Map.of() : people.displayNames(personIds);
        Map<UUID, OrganisationView> organisations = organisations(organisationIds);

        Optional<ProviderDesk.AnswerView> answer =
                request.answeredAt() == null ? Optional.empty() : desk.answerOf(actor, id);
        List<RequestConversation.FeedbackView> feedback = conversation.feedbackOf(actor, id);
        List<RequestConversation.CostClaimView> claims = conversation.claims(actor, id);
        boolean requester = side == RequestAccess.Side.REQUESTER;
        boolean drafts = requester && actor.has(RequestPermissions.DRAFT);
        boolean authorises = requester && actor.has(RequestPermissions.AUTHORISE);
        boolean provider = side == RequestAccess.Side.PROVIDER;
        RequestStatus status = request.status();
        boolean own = Objects.equals(actor.userId(), request.officerId());
        boolean closed = status == RequestStatus.CLOSED || status == RequestStatus.WITHDRAWN;
        Actions actions = new Actions(
                drafts && status == RequestStatus.DRAFT,
                drafts && status == RequestStatus.DRAFT,
                authorises && status == RequestStatus.AWAITING_AUTHORISATION && !own,
                authorises && status == RequestStatus.AWAITING_AUTHORISATION && own,
                authorises && status == RequestStatus.AWAITING_AUTHORISATION,
                drafts && status.withdrawable(),
                drafts && status == RequestStatus.CLARIFICATION_REQUESTED,
                drafts
                        && RequestStatus.ANSWERED.contains(status)
                        && !(request.type() == RequestType.PRESERVATION
                                && request.preservationState() == PreservationState.ACTIVE),
                drafts && request.preservationState() == PreservationState.ACTIVE,
                drafts && request.preservationState() == PreservationState.ACTIVE,
                provider && (status == RequestStatus.SUBMITTED || status == RequestStatus.RECEIVED),
                provider
                        && EnumSet.of(RequestStatus.RECEIVED, RequestStatus.ACKNOWLEDGED, RequestStatus.IN_PROGRESS)
                                .contains(status),
                provider && status == RequestStatus.ACKNOWLEDGED,
                provider && ANSWERABLE.contains(status),
                provider && request.answeredAt() != null,
                authorises && claims.stream().anyMatch(c -> "CLAIMED".equals(c.status())),
                closed && feedback.stream().noneMatch(f -> f.side().equals(side.name())),
                drafts && status == RequestStatus.DRAFT,
                status.sent() || status == RequestStatus.AWAITING_AUTHORISATION,
                signature.signed());

        model.addAttribute("request", request);
        model.addAttribute("side", side.name());
        model.addAttribute("sent", request.status().sent());
        model.addAttribute("signature", signature);
        model.addAttribute("issuer", organisations.get(signature.issuer()));
        model.addAttribute("authoriserName", request.authoriserId() == null ? null : names.get(request.authoriserId()));
        model.addAttribute("requester", organisations.get(request.requesterId()));
        model.addAttribute("provider", request.providerId() == null ? null : organisations.get(request.providerId()));
        model.addAttribute(
                "service",
                request.serviceId() == null
                        ? null
                        : catalogue.service(request.serviceId()).orElse(null));
        model.addAttribute(
                "provision",
                request.legalProvisionId() == null
                        ? null
                        : legal.provision(request.legalProvisionId()).orElse(null));
        model.addAttribute(
                "history",
                events.stream()
                        .map(e -> new HistoryRow(
                                e,
                                e.actorId() == null ? null : names.get(e.actorId()),
                                e.actorOrganisationId() == null || organisations.get(e.actorOrganisationId()) == null
                                        ? null
                                        : organisations
                                                .get(e.actorOrganisationId())
                                                .name(locale)))
                        .toList());
        model.addAttribute(
                "comments",
                comments.stream()
                        .map(c -> new CommentRow(
                                c,
                                c.authorId() == null ? null : names.get(c.authorId()),
                                organisations.get(c.authorOrganisationId()) == null
                                        ? null
                                        : organisations
                                                .get(c.authorOrganisationId())
                                                .name(locale)))
                        .toList());
        model.addAttribute("question", lastNote(events, "clarification-asked"));
        model.addAttribute("returnedBecause", status == RequestStatus.DRAFT ? lastNote(events, "returned") : null);
        model.addAttribute("answer", answer.orElse(null));
        model.addAttribute(
                "answerItems",
                answer.map(a -> a.items().stream()
                                .collect(Collectors.toMap(ProviderDesk.ItemView::position, i -> i, (a1, a2) -> a1)))
                        .orElse(Map.of()));
        model.addAttribute("attachments", attachments.list(actor, id));
        model.addAttribute("feedback", feedback);
        model.addAttribute("claims", claims);
        model.addAttribute("overlaps", overlaps);
        model.addAttribute("organisations", organisations);
        model.addAttribute("actions", actions);
        model.addAttribute(
                "checks",
                actions.submit()
                        ? problemRows(ProblemException.validation(requests.check(actor, id)), locale)
                        : List.of());
        model.addAttribute("reasons", RefusalReason.values());
        return "requests/request";
    }

    @GetMapping("/requests/{id}/letter.pdf")
    ResponseEntity<byte[]> letter(@PathVariable UUID id, Locale locale) {
        byte[] pdf = documents.letter(CurrentActor.get(), id, locale);
        return pdf("letter-" + id + ".pdf", pdf);
    }

    @PostMapping("/requests/{id}/submission")
    String submit(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(
                id,
                "submit",
                Map.of(),
                redirect,
                "requests.page.notice.sent-for-authorisation",
                () -> requests.submitForAuthorisation(CurrentActor.get(), id));
    }

    @PostMapping("/requests/{id}/authorisation")
    String authorise(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(
                id,
                "authorise",
                Map.of(),
                redirect,
                "requests.page.notice.authorised",
                () -> requests.authorise(CurrentActor.get(), id));
    }

    @PostMapping("/requests/{id}/return")
    String returnToOfficer(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        return act(
                id,
                "return",
                typed("reason", reason),
                redirect,
                "requests.page.notice.returned",
                () -> requests.returnToOfficer(CurrentActor.get(), id, reason));
    }

    @PostMapping("/requests/{id}/withdrawal")
    String withdraw(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        return act(
                id,
                "withdraw",
                typed("reason", reason),
                redirect,
                "requests.page.notice.withdrawn",
                () -> requests.withdraw(CurrentActor.get(), id, reason));
    }

    @PostMapping("/requests/{id}/clarification")
    String clarify(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String answer,
            RedirectAttributes redirect) {
        return act(
                id,
                "clarify",
                typed("answer", answer),
                redirect,
                "requests.page.notice.clarified",
                () -> requests.clarify(CurrentActor.get(), id, answer));
    }

    @PostMapping("/requests/{id}/closure")
    String close(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(
                id,
                "close",
                Map.of(),
                redirect,
                "requests.page.notice.closed",
                () -> requests.close(CurrentActor.get(), id));
    }

    @PostMapping("/requests/{id}/acknowledgement")
    String acknowledge(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(
                id,
                "acknowledge",
                Map.of(),
                redirect,
                "requests.page.notice.acknowledged",
                () -> desk.acknowledge(CurrentActor.get(), id));
    }

    @PostMapping("/requests/{id}/clarification-request")
    String askClarification(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String question,
            RedirectAttributes redirect) {
        return act(
                id,
                "ask",
                typed("question", question),
                redirect,
                "requests.page.notice.clarification-asked",
                () -> desk.askClarification(CurrentActor.get(), id, question));
    }

    @PostMapping("/requests/{id}/start")
    String start(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(
                id,
                "start",
                Map.of(),
                redirect,
                "requests.page.notice.started",
                () -> desk.startWork(CurrentActor.get(), id));
    }

    /**
     * The provider's answer: per identifier whether it was found, the records as text and an
     * optional file. The files and the answer are one transaction: a refused answer keeps no file.
     */
    @PostMapping("/requests/{id}/answer")
    String answer(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest http,
            RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        Map<String, String> typed = new HashMap<>();
        params.forEach((name, values) -> {
            if (!values.isEmpty() && values.getFirst() != null && !name.equals("_csrf")) {
                typed.put(name, values.getFirst());
            }
        });
        boolean complete = !"false".equals(params.getFirst("complete"));
        String note = params.getFirst("note");
        return act(
                id,
                "answer",
                typed,
                redirect,
                "requests.page.notice.answered",
                () -> transaction.executeWithoutResult(tx -> {
                    RequestView request = requests.read(actor, id);
                    List<ProviderDesk.ItemCommand> items = new ArrayList<>();
                    for (RequestView.IdentifierView identifier : request.identifiers()) {
                        int position = identifier.position();
                        UUID fileId = null;
                        MultipartHttpServletRequest multipart =
                                WebUtils.getNativeRequest(http, MultipartHttpServletRequest.class);
                        if (multipart != null) {
                            MultipartFile file = multipart.getFile("file_" + position);
                            if (file != null && !file.isEmpty()) {
                                try {
                                    fileId = attachments
                                            .attach(
                                                    actor,
                                                    id,
                                                    file.getInputStream(),
                                                    Objects.requireNonNullElse(file.getOriginalFilename(), "file"))
                                            .fileId();
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            }
                        }
                        items.add(new ProviderDesk.ItemCommand(
                                position,
                                "true".equals(params.getFirst("found_" + position)),
                                params.getFirst("records_" + position),
                                fileId));
                    }
                    desk.answer(actor, id, new ProviderDesk.AnswerCommand(complete, note, items));
                }));
    }

    @PostMapping("/requests/{id}/refusal")
    String refuse(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String outcome,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String explanation,
            RedirectAttributes redirect) {
        Map<String, String> typed = typed("explanation", explanation);
        typed.put("reason", Objects.requireNonNullElse(reason, ""));
        typed.put("outcome", Objects.requireNonNullElse(outcome, ""));
        RefusalReason code = DraftForm.parse(
                Objects.requireNonNullElse(reason, ""), RefusalReason.class, "reason", new ArrayList<>());
        boolean impossible = "impossible".equals(outcome);
        return act(
                id,
                "refuse",
                typed,
                redirect,
                impossible ? "requests.page.notice.impossible" : "requests.page.notice.refused",
                () -> desk.refuse(
                        CurrentActor.get(), id, new ProviderDesk.RefusalCommand(impossible, code, explanation)));
    }

    @PostMapping("/requests/{id}/preservation/extension")
    String extend(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(
                id,
                "extend",
                Map.of(),
                redirect,
                "requests.page.notice.extended",
                () -> preservations.extend(CurrentActor.get(), id));
    }

    @PostMapping("/requests/{id}/preservation/release")
    String release(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(
                id,
                "release",
                Map.of(),
                redirect,
                "requests.page.notice.released",
                () -> preservations.release(CurrentActor.get(), id));
    }

    @PostMapping("/requests/{id}/comments")
    String comment(
            @PathVariable UUID id, @RequestParam(required = false) @Nullable String body, RedirectAttributes redirect) {
        return act(
                id,
                "comment",
                typed("body", body),
                redirect,
                "requests.page.notice.commented",
                () -> conversation.comment(CurrentActor.get(), id, body));
    }

    @PostMapping("/requests/{id}/feedback")
    String feedback(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String rating,
            @RequestParam(required = false) @Nullable String body,
            RedirectAttributes redirect) {
        Map<String, String> typed = typed("body", body);
        typed.put("rating", Objects.requireNonNullElse(rating, ""));
        Integer stars = null;
        try {
            stars = rating == null || rating.isBlank() ? null : Integer.valueOf(rating.trim());
        } catch (NumberFormatException notANumber) {
            stars = 0;
        }
        Integer given = stars;
        return act(
                id,
                "feedback",
                typed,
                redirect,
                "requests.page.notice.feedback",
                () -> conversation.feedback(
                        CurrentActor.get(), id, new RequestConversation.FeedbackCommand(given, body)));
    }

    @PostMapping("/requests/{id}/cost-claims")
    String claim(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String amount,
            @RequestParam(required = false) @Nullable String currency,
            @RequestParam(required = false) @Nullable String description,
            RedirectAttributes redirect) {
        Map<String, String> typed = typed("description", description);
        typed.put("amount", Objects.requireNonNullElse(amount, ""));
        typed.put("currency", Objects.requireNonNullElse(currency, ""));
        BigDecimal value = null;
        try {
            value = amount == null || amount.isBlank()
                    ? null
                    : new BigDecimal(amount.trim().replace(',', '.'));
        } catch (NumberFormatException notANumber) {
            value = BigDecimal.ZERO;
        }
        BigDecimal claimed = value;
        return act(
                id,
                "claim",
                typed,
                redirect,
                "requests.page.notice.claimed",
                () -> conversation.claim(
                        CurrentActor.get(),
                        id,
                        new RequestConversation.CostClaimCommand(claimed, currency, description)));
    }

    @PostMapping("/requests/{id}/cost-claims/{claimId}/decision")
    String decide(
            @PathVariable UUID id,
            @PathVariable UUID claimId,
            @RequestParam(required = false) @Nullable String decision,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        boolean approve = "approve".equals(decision);
        return act(
                id,
                "decide-" + claimId,
                typed("note", note),
                redirect,
                "requests.page.notice.decided",
                () -> conversation.decide(
                        CurrentActor.get(), id, claimId, new RequestConversation.CostDecision(approve, note)));
    }

    /** An order or warrant attached to a draft; the page it came from is shown again. */
    @PostMapping("/requests/{id}/attachments")
    String attach(
            @PathVariable UUID id,
            @RequestParam(value = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String back,
            RedirectAttributes redirect) {
        String target = "edit".equals(back)
                ? "redirect:/requests/" + id + "/edit#attachments"
                : "redirect:/requests/" + id + "#attachments";
        try {
            if (file == null || file.isEmpty()) {
                throw ProblemException.validation(List.of(FieldProblem.of("file", "validation.file.empty")));
            }
            attachments.attach(
                    CurrentActor.get(),
                    id,
                    file.getInputStream(),
                    Objects.requireNonNullElse(file.getOriginalFilename(), "file"));
            redirect.addFlashAttribute("notice", "requests.page.notice.attached");
        } catch (ProblemException problem) {
            if (problem.type().status() == 403 || problem.type().status() == 404) {
                throw problem;
            }
            flash(redirect, "attach", problem, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /**
     * Runs one action and goes back to the request's page with what came of it. A refusal the
     * person can act on (a field, a state that changed meanwhile) is shown there in their language
     * with what they typed; one that says the request is not theirs ends on the error page.
     */
    private String act(
            UUID id,
            String action,
            Map<String, String> typed,
            RedirectAttributes redirect,
            String notice,
            Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/requests/" + id;
        } catch (ProblemException problem) {
            if (problem.type().status() == 403 || problem.type().status() == 404) {
                throw problem;
            }
            flash(redirect, action, problem, typed);
            return "redirect:/requests/" + id + "#action-" + action;
        }
    }

    /** Flash attributes are kept in the session between the post and the page: plain strings only. */
    private void flash(
            RedirectAttributes redirect, String action, ProblemException problem, Map<String, String> typed) {
        Locale locale = currentLocale();
        LinkedHashMap<String, String> fieldErrors = new LinkedHashMap<>();
        for (ProblemRow row : problemRows(problem, locale)) {
            fieldErrors.merge(row.field(), row.message(), (a, b) -> a + " " + b);
        }
        redirect.addFlashAttribute("failed", action);
        redirect.addFlashAttribute(
                "problemText", message(problem.detailKey(), problem.arguments().toArray(), locale));
        redirect.addFlashAttribute("fieldErrors", fieldErrors);
        redirect.addFlashAttribute("typed", new HashMap<>(typed));
    }

    // ---- oral emergencies --------------------------------------------------------------------

    /** The call as typed. */
    record OralForm(
            String providerId,
            String calledAt,
            String callerName,
            String calledContact,
            String asked,
            String requestingUnit) {}

    @GetMapping("/requests/oral/new")
    String newOral(Model model) {
        Actor actor = CurrentActor.get();
        requireRequesterOrganisation(actor);
        String now = clock.instant()
                .truncatedTo(ChronoUnit.MINUTES)
                .atZone(zone)
                .toOffsetDateTime()
                .toString();
        return oralForm(model, new OralForm("", now, actor.displayName(), "", "", ""));
    }

    @PostMapping("/requests/oral")
    String logOral(
            @RequestParam MultiValueMap<String, String> params,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        requireRequesterOrganisation(actor);
        OralForm form = new OralForm(
                param(params, "providerId"),
                param(params, "calledAt"),
                param(params, "callerName"),
                param(params, "calledContact"),
                param(params, "asked"),
                param(params, "requestingUnit"));
        try {
            List<FieldProblem> unreadable = new ArrayList<>();
            UUID provider = form.providerId().isBlank() ? null : DraftForm.uuidOrNull(form.providerId());
            if (!form.providerId().isBlank() && provider == null) {
                unreadable.add(FieldProblem.of("providerId", "requests.page.validation.choice"));
            }
            if (!unreadable.isEmpty()) {
                throw ProblemException.validation(unreadable);
            }
            OralEmergencies.OralView logged = oral.log(
                    actor,
                    new OralEmergencies.OralCommand(
                            provider,
                            DraftForm.inZone(form.calledAt(), zone.getId()),
                            blankToNull(form.callerName()),
                            blankToNull(form.calledContact()),
                            blankToNull(form.asked()),
                            blankToNull(form.requestingUnit())));
            redirect.addFlashAttribute("notice", "requests.page.notice.oral-logged");
            return "redirect:/requests/oral/" + logged.id();
        } catch (ProblemException problem) {
            if (problem.fieldProblems().isEmpty()) {
                throw problem;
            }
            response.setStatus(422);
            model.addAttribute("problem", problem);
            model.addAttribute("problemRows", problemRows(problem, currentLocale()));
            return oralForm(model, form);
        }
    }

    @GetMapping("/requests/oral/{id}")
    String oralCall(@PathVariable UUID id, Model model) {
        Actor actor = CurrentActor.get();
        OralEmergencies.OralView call = oral.read(actor, id);
        model.addAttribute("call", call);
        model.addAttribute("reference", OralEmergencies.shortId(call.id()));
        model.addAttribute("organisations", organisations(Set.of(call.requesterId(), call.providerId())));
        model.addAttribute("requesterSide", actor.belongsTo(call.requesterId()));
        model.addAttribute(
                "overdue", call.requestId() == null && clock.instant().isAfter(call.writtenDueAt()));
        model.addAttribute(
                "mayWrite",
                call.requestId() == null && actor.belongsTo(call.requesterId()) && actor.has(RequestPermissions.DRAFT));
        return "requests/oral";
    }

    private String oralForm(Model model, OralForm form) {
        model.addAttribute("form", form);
        model.addAttribute("call", null);
        model.addAttribute("providers", requests.providers(CurrentActor.get()));
        return "requests/oral";
    }

    // ---- statistics and the transparency report ----------------------------------------------

    @GetMapping("/requests/statistics")
    String statistics(
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable UUID organisation,
            Model model) {
        Actor actor = CurrentActor.get();
        int shown = year == null ? LocalDate.now(clock.withZone(zone)).getYear() : year;
        RequestStatistics.Scope scope = scope(actor, organisation);
        Instant[] period = statistics.year(checkYear(shown));
        RequestStatistics.Statistics figures = statistics.compute(actor, scope, period[0], period[1]);
        model.addAttribute("figures", figures);
        model.addAttribute("year", shown);
        model.addAttribute("years", years());
        model.addAttribute("scope", scopeName(scope));
        UUID scoped = scopedOrganisation(scope);
        model.addAttribute(
                "organisation", scoped == null ? null : directory.find(scoped).orElse(null));
        model.addAttribute("organisationParam", organisation);
        model.addAttribute("organisations", figureOrganisations(figures));
        model.addAttribute("national", scope instanceof RequestStatistics.Scope.National);
        model.addAttribute(
                "transparencyProvider",
                scope instanceof RequestStatistics.Scope.Provider p ? p.organisationId() : null);
        model.addAttribute("analyst", actor.has(RequestPermissions.STATISTICS_ALL));
        return "requests/statistics";
    }

    @GetMapping("/requests/statistics.csv")
    ResponseEntity<String> statisticsCsv(
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable UUID organisation) {
        Actor actor = CurrentActor.get();
        int shown = checkYear(year == null ? LocalDate.now(clock.withZone(zone)).getYear() : year);
        Instant[] period = statistics.year(shown);
        RequestStatistics.Statistics figures =
                statistics.compute(actor, scope(actor, organisation), period[0], period[1]);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("ura-request-statistics-" + shown + ".csv", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(RequestStatistics.csv(figures));
    }

    @GetMapping("/requests/transparency")
    String transparency(
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable UUID provider,
            Model model) {
        Actor actor = CurrentActor.get();
        int shown = checkYear(year == null ? LocalDate.now(clock.withZone(zone)).getYear() : year);
        UUID scoped = transparencyProvider(actor, provider);
        model.addAllAttributes(documents.transparencyModel(actor, shown, scoped));
        model.addAttribute("printable", false);
        model.addAttribute("years", years());
        model.addAttribute("providerParam", scoped);
        return "requests/transparency";
    }

    @GetMapping("/requests/transparency.pdf")
    ResponseEntity<byte[]> transparencyPdf(
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable UUID provider,
            Locale locale) {
        Actor actor = CurrentActor.get();
        int shown = checkYear(year == null ? LocalDate.now(clock.withZone(zone)).getYear() : year);
        byte[] pdf = documents.transparencyPdf(actor, shown, transparencyProvider(actor, provider), locale);
        return pdf("transparency-" + shown + ".pdf", pdf);
    }

    /** Whose figures: an organisation the analyst names, the country's for the analyst, else the reader's own side. */
    private RequestStatistics.Scope scope(Actor actor, @Nullable UUID organisation) {
        if (organisation != null) {
            OrganisationView named = directory.find(organisation).orElseThrow(ProblemException::notFound);
            return named.isProvider()
                    ? new RequestStatistics.Scope.Provider(named.id())
                    : new RequestStatistics.Scope.Requester(named.id());
        }
        if (actor.has(RequestPermissions.STATISTICS_ALL) || actor.organisationId() == null) {
            return new RequestStatistics.Scope.National();
        }
        OrganisationView own = directory.find(actor.organisationId()).orElseThrow(ProblemException::notFound);
        return own.isProvider()
                ? new RequestStatistics.Scope.Provider(own.id())
                : new RequestStatistics.Scope.Requester(own.id());
    }

    /** The provider of a transparency report: the one named, else the reader's own provider, else the country. */
    private @Nullable UUID transparencyProvider(Actor actor, @Nullable UUID provider) {
        if (provider != null || actor.has(RequestPermissions.STATISTICS_ALL) || actor.organisationId() == null) {
            return provider;
        }
        return directory
                .find(actor.organisationId())
                .filter(OrganisationView::isProvider)
                .map(OrganisationView::id)
                .orElse(null);
    }

    private static String scopeName(RequestStatistics.Scope scope) {
        return switch (scope) {
            case RequestStatistics.Scope.Provider p -> "provider";
            case RequestStatistics.Scope.Requester r -> "requester";
            case RequestStatistics.Scope.National n -> "national";
        };
    }

    private static @Nullable UUID scopedOrganisation(RequestStatistics.Scope scope) {
        return switch (scope) {
            case RequestStatistics.Scope.Provider p -> p.organisationId();
            case RequestStatistics.Scope.Requester r -> r.organisationId();
            case RequestStatistics.Scope.National n -> null;
        };
    }

    private List<Integer> years() {
        int now = LocalDate.now(clock.withZone(zone)).getYear();
        List<Integer> years = new ArrayList<>();
        for (int y = now; y > now - 6; y--) {
            years.add(y);
        }
        return years;
    }

    private int checkYear(int year) {
        int now = LocalDate.now(clock.withZone(zone)).getYear();
        if (year < 2000 || year > now + 1) {
            throw ProblemException.validation(List.of(FieldProblem.of("year", "requests.page.validation.year")));
        }
        return year;
    }

    private Map<UUID, OrganisationView> figureOrganisations(RequestStatistics.Statistics figures) {
        Set<UUID> ids = new HashSet<>();
        figures.perProvider().forEach(g -> {
            if (g.organisationId() != null) {
                ids.add(g.organisationId());
            }
        });
        figures.perUnit().forEach(g -> {
            if (g.organisationId() != null) {
                ids.add(g.organisationId());
            }
        });
        return organisations(ids);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Map<UUID, OrganisationView> organisations(Set<UUID> ids) {
        Map<UUID, OrganisationView> found = new HashMap<>();
        for (UUID id : ids) {
            directory.find(id).ifPresent(o -> found.put(id, o));
        }
        return found;
    }

    private static @Nullable String lastNote(List<RequestRepository.EventView> events, String kind) {
        String note = null;
        for (RequestRepository.EventView event : events) {
            if (event.kind().equals(kind)) {
                note = event.note();
            }
        }
        return note;
    }

    /** Every problem with its field named in words, in the reader's language. */
    List<ProblemRow> problemRows(ProblemException problem, Locale locale) {
        List<ProblemRow> rows = new ArrayList<>();
        for (FieldProblem field : problem.fieldProblems()) {
            rows.add(new ProblemRow(
                    field.field(),
                    label(field.field(), locale),
                    message(field.messageKey(), field.arguments().toArray(), locale)));
        }
        return rows;
    }

    private String label(String field, Locale locale) {
        Matcher identifier = IDENTIFIER_FIELD.matcher(field);
        if (identifier.matches()) {
            return message(
                    "requests.page.field.in-identifier",
                    new Object[] {Integer.parseInt(identifier.group(1)) + 1, fieldName(identifier.group(2), locale)},
                    locale);
        }
        Matcher item = ANSWER_FIELD.matcher(field);
        if (item.matches()) {
            return message(
                    "requests.page.field.in-identifier",
                    new Object[] {Integer.parseInt(item.group(1)) + 1, fieldName(item.group(2), locale)},
                    locale);
        }
        return fieldName(field, locale);
    }

    private String fieldName(String field, Locale locale) {
        return Objects.requireNonNullElse(
                messages.getMessage("requests.page.field." + field, null, field, locale), field);
    }

    private String message(String key, Object[] arguments, Locale locale) {
        return Objects.requireNonNullElse(messages.getMessage(key, arguments, key, locale), key);
    }

    private static Locale currentLocale() {
        return org.springframework.context.i18n.LocaleContextHolder.getLocale();
    }

    private static Map<String, String> typed(String name, @Nullable String value) {
        Map<String, String> typed = new HashMap<>();
        typed.put(name, Objects.requireNonNullElse(value, ""));
        return typed;
    }

    private static String param(MultiValueMap<String, String> params, String name) {
        return Objects.requireNonNullElse(params.getFirst(name), "");
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static ResponseEntity<byte[]> pdf(String name, byte[] pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(pdf);
    }
}
