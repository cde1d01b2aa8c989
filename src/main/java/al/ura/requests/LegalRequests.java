package al.ura.requests;

import static al.ura.requests.RequestRepository.columns;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.directory.ContactFunction;
import al.ura.directory.ContactPointView;
import al.ura.directory.ContactPoints;
import al.ura.directory.DocumentSigning;
import al.ura.directory.OrganisationDirectory;
import al.ura.directory.OrganisationView;
import al.ura.directory.ProviderCatalogue;
import al.ura.directory.ProviderServiceView;
import al.ura.directory.SignedDocument;
import al.ura.kernel.Actor;
import al.ura.kernel.CursorPage;
import al.ura.kernel.Notice;
import al.ura.kernel.ProblemException;
import al.ura.kernel.ProblemType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The requester's side of a request's life: draft, send for authorisation, authorise (which signs
 * it with the organisation's key and sends it), return, withdraw, clarify and close; and reading
 * one's requests. Every step checks the actor's permission and organisation, moves the request
 * only from the states it may leave, writes the request's history and the ledger in the same
 * transaction, and tells the other side.
 */
@Service
public class LegalRequests {

    static final ProblemType CONFLICT = new ProblemType("request-state", 409);
    static final ProblemType SIGNATURE = new ProblemType("request-signature-invalid", 409);

    /** Who sends legal requests: law enforcement, prosecution and courts. */
    static final Set<al.ura.directory.OrganisationType> REQUESTERS = EnumSet.of(
            al.ura.directory.OrganisationType.LAW_ENFORCEMENT,
            al.ura.directory.OrganisationType.PROSECUTION,
            al.ura.directory.OrganisationType.COURT);

    private final RequestRepository requests;
    private final RequestAccess access;
    private final RequestValidator validator;
    private final OrganisationDirectory directory;
    private final ProviderCatalogue catalogue;
    private final ContactPoints contacts;
    private final LegalCatalogue legal;
    private final DocumentSigning signing;
    private final CanonicalForms canonical;
    private final RequestAttachments attachments;
    private final ProviderWebhooks webhooks;
    private final RequestsProperties properties;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    LegalRequests(
            RequestRepository requests,
            RequestAccess access,
            OrganisationDirectory directory,
            ProviderCatalogue catalogue,
            ContactPoints contacts,
            LegalCatalogue legal,
            DocumentSigning signing,
            CanonicalForms canonical,
            RequestAttachments attachments,
            ProviderWebhooks webhooks,
            RequestsProperties properties,
            AuditLog auditLog,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            Clock clock,
            @org.springframework.beans.factory.annotation.Value("${ura.time-zone:Europe/Tirane}") String zone) {
        this.requests = requests;
        this.access = access;
        this.validator = new RequestValidator(properties);
        this.directory = directory;
        this.catalogue = catalogue;
        this.contacts = contacts;
        this.legal = legal;
        this.signing = signing;
        this.canonical = canonical;
        this.attachments = attachments;
        this.webhooks = webhooks;
        this.properties = properties;
        this.auditLog = auditLog;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    // ---- drafts ----------------------------------------------------------------------------

    @Transactional
    public RequestView createDraft(Actor actor, DraftCommand command) {
        access.requirePermission(actor, "requests.request.create", RequestPermissions.DRAFT);
        UUID organisation = actor.requireOrganisation();
        UUID officer = requirePerson(actor);
        requireLawEnforcement(actor, directory.find(organisation).orElseThrow(ProblemException::notFound));
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        storeDraft(actor, id, newReference(now), officer, command, now);
        return requests.find(id, now).orElseThrow();
    }

    /**
     * A new request written and sent for authorisation in one step, as the form's Send button and
     * {@code POST /api/v1/requests?send=true} do: validated first, then stored once, already awaiting
     * authorisation, with both steps in its history and the ledger. An invalid one is kept as a draft
     * with what was typed, and the problems come back with it: nothing the officer wrote is lost.
     */
    @Transactional
    public Sending createAndSubmitForAuthorisation(Actor actor, DraftCommand command) {
        access.requirePermission(actor, "requests.request.create", RequestPermissions.DRAFT);
        UUID organisation = actor.requireOrganisation();
        UUID officer = requirePerson(actor);
        UUID id = UUID.randomUUID();
        // The validation's read of the requester is the one that says whether it may request at all.
        RequestValidator.Context context = context(id, organisation, command);
        requireLawEnforcement(actor, context.requester());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String reference = newReference(now);
        return switch (validator.validate(command, context)) {
            case RequestValidator.Outcome.Invalid invalid -> {
                storeDraft(actor, id, reference, officer, command, now);
                yield new Sending.KeptAsDraft(
                        requests.find(id, now).orElseThrow(), ProblemException.validation(invalid.problems()));
            }
            case RequestValidator.Outcome.Valid valid -> {
                requests.insertValidated(
                        id,
                        reference,
                        organisation,
                        officer,
                        command,
                        valid.request(),
                        RequestStatus.AWAITING_AUTHORISATION,
                        now);
                // One write each for the history and the ledger; the sending a microsecond after the
                // creation (what the database keeps), so the history lists the two in order.
                Instant sentAt = now.plus(1, ChronoUnit.MICROS);
                requests.events(List.of(
                        new RequestRepository.NewEvent(
                                id, now, officer, organisation, "created", null, RequestStatus.DRAFT, null),
                        sentForAuthorisation(actor, id, sentAt)));
                auditLog.record(
                        actor,
                        List.of(
                                AuditEvent.of("requests.request.created", "legal_request", id, organisation),
                                sentForAuthorisation(id, organisation)));
                tellAuthorisers(id, reference, organisation);
                yield new Sending.Sent(requests.find(id, now).orElseThrow());
            }
        };
    }

    private void requireLawEnforcement(Actor actor, OrganisationView requester) {
        if (!REQUESTERS.contains(requester.type())) {
            auditLog.denied(
                    actor,
                    AuditEvent.of("requests.request.create", "legal_request", null, requester.id())
                            .with("reason", "not-law-enforcement"));
            throw new ProblemException(ProblemType.FORBIDDEN, "requests.problem.not-law-enforcement");
        }
    }

    private String newReference(Instant now) {
        return "LR-" + now.atZone(zone).getYear() + "-" + String.format("%06d", requests.nextNumber());
    }

    private void storeDraft(Actor actor, UUID id, String reference, UUID officer, DraftCommand command, Instant now) {
        UUID organisation = actor.requireOrganisation();
        requests.insertDraft(id, reference, organisation, officer, command, now);
        requests.event(id, now, officer, organisation, "created", null, RequestStatus.DRAFT, null);
        auditLog.record(actor, AuditEvent.of("requests.request.created", "legal_request", id, organisation));
    }

    /** The history entry of a request sent for authorisation. */
    private static RequestRepository.NewEvent sentForAuthorisation(Actor actor, UUID id, Instant at) {
        return new RequestRepository.NewEvent(
                id,
                at,
                actor.userId(),
                actor.organisationId(),
                "sent-for-authorisation",
                RequestStatus.DRAFT,
                RequestStatus.AWAITING_AUTHORISATION,
                null);
    }

    /** Its ledger entry. */
    private static AuditEvent sentForAuthorisation(UUID id, UUID requesterId) {
        return AuditEvent.of("requests.request.sent-for-authorisation", "legal_request", id, requesterId);
    }

    /** The organisation's authorisers learn that a request awaits them. */
    private void tellAuthorisers(UUID id, String reference, UUID requesterId) {
        events.publishEvent(Notice.toHolders(
                requesterId,
                RequestPermissions.AUTHORISE,
                "requests.notice.awaiting-authorisation",
                List.of(reference),
                "/requests/" + id));
    }

    /**
     * Saves what the officer typed over the draft; {@code version} is the one the officer was
     * editing, or null to save over whatever version is there.
     */
    @Transactional
    public RequestView updateDraft(Actor actor, UUID id, @Nullable Integer version, DraftCommand command) {
        RequestView request = access.requireRequester(actor, id, "requests.request.update", RequestPermissions.DRAFT);
        if (request.status() != RequestStatus.DRAFT) {
            throw conflict("requests.problem.not-a-draft");
        }
        Instant now = clock.instant();
        if (!requests.updateDraft(id, command, version == null ? request.version() : version, now)) {
            throw conflict("requests.problem.edited-meanwhile");
        }
        requests.event(id, now, actor.userId(), actor.organisationId(), "draft-saved", null, null, null);
        auditLog.record(actor, AuditEvent.of("requests.request.updated", "legal_request", id, request.requesterId()));
        return requests.find(id, now).orElseThrow();
    }

    /** Checks the draft whole and hands it to the organisation's authorisers; nothing changes if it is not valid. */
    @Transactional
    public RequestView submitForAuthorisation(Actor actor, UUID id) {
        RequestView request = access.requireRequester(actor, id, "requests.request.submit", RequestPermissions.DRAFT);
        if (request.status() != RequestStatus.DRAFT || request.draft() == null) {
            throw conflict("requests.problem.not-a-draft");
        }
        RequestValidator.ValidRequest valid = validate(request, request.draft());
        Instant now = clock.instant();
        if (!requests.writeValidated(
                id,
                request.version(),
                valid,
                RequestStatus.AWAITING_AUTHORISATION,
                now,
                !request.identifiers().isEmpty())) {
            throw conflict("requests.problem.edited-meanwhile");
        }
        requests.events(List.of(sentForAuthorisation(actor, id, now)));
        auditLog.record(actor, sentForAuthorisation(id, request.requesterId()));
        tellAuthorisers(id, request.reference(), request.requesterId());
        return requests.find(id, now).orElseThrow();
    }

    /** Checks a draft without saving anything: what submitting it would say. */
    @Transactional(readOnly = true)
    public List<ProblemException.FieldProblem> check(Actor actor, UUID id) {
        RequestView request = access.requireRequester(actor, id, "requests.request.check", RequestPermissions.DRAFT);
        if (request.draft() == null) {
            return List.of();
        }
        return switch (validator.validate(
                request.draft(), context(request.id(), request.requesterId(), request.draft()))) {
            case RequestValidator.Outcome.Valid ignored -> List.of();
            case RequestValidator.Outcome.Invalid invalid -> invalid.problems();
        };
    }

    /**
     * The authoriser's approval (§22): checks the request again against the directory as it is now,
     * signs its canonical form with the organisation's key and sends it to the provider.
     */
    @Transactional
    @SuppressWarnings("NullAway") // SQL NULL is a value here
    public RequestView authorise(Actor actor, UUID id) {
        RequestView request =
                access.requireRequester(actor, id, "requests.request.authorise", RequestPermissions.AUTHORISE);
        if (request.status() != RequestStatus.AWAITING_AUTHORISATION || request.draft() == null) {
            throw conflict("requests.problem.not-awaiting-authorisation");
        }
        // Authorising signs with the organisation's key: a designated person does it (§22), never a
        // token, or two service accounts could draft and sign a request with no one looking at it.
        if (actor.kind() != Actor.Kind.USER) {
            auditLog.denied(
                    actor,
                    AuditEvent.of("requests.request.authorise", "legal_request", id, request.requesterId())
                            .with("reason", "not-a-person"));
            throw ProblemException.forbidden();
        }
        UUID authoriser = requirePerson(actor);
        if (authoriser.equals(request.officerId())) {
            auditLog.denied(
                    actor,
                    AuditEvent.of("requests.request.authorise", "legal_request", id, request.requesterId())
                            .with("reason", "own-request"));
            throw new ProblemException(ProblemType.FORBIDDEN, "requests.problem.authorise-own");
        }
        // Validated again against the directory as it is now; what was validated and stored when it was
        // sent for authorisation is what is signed (the draft cannot change while it waits: the version
        // below makes sure), so it is not written again.
        RequestValidator.ValidRequest valid = validate(request, request.draft());
        // The database keeps microseconds: the signed form must equal the one computed from the row.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant acknowledgeDue = now.plus(properties.acknowledgeTime(valid.priority(), valid.emergency()));
        Instant answerDue = now.plus(properties.answerTime(valid.priority(), valid.emergency()));
        if (valid.requestedDeadline() != null) {
            Instant requested =
                    valid.requestedDeadline().plusDays(1).atStartOfDay(zone).toInstant();
            if (requested.isBefore(answerDue) && requested.isAfter(now)) {
                answerDue = requested;
            }
        }
        byte[] payload = canonical.request(
                request.submitted(authoriser, now, acknowledgeDue, answerDue, null, null),
                attachments.digests(id, "ORDER"));
        SignedDocument signed = signing.sign(request.requesterId(), payload);
        if (!requests.move(
                id,
                request.version(),
                EnumSet.of(RequestStatus.AWAITING_AUTHORISATION),
                RequestStatus.SUBMITTED,
                now,
                columns(
                        "authoriser_id",
                        authoriser,
                        "submitted_at",
                        now,
                        "acknowledge_due_at",
                        acknowledgeDue,
                        "answer_due_at",
                        answerDue,
                        "draft",
                        null,
                        "signed_payload",
                        new String(payload, StandardCharsets.UTF_8),
                        "signature",
                        signed.detachedJws(),
                        "signature_key_id",
                        signed.keyId(),
                        "signed_at",
                        signed.signedAt()))) {
            throw conflict("requests.problem.edited-meanwhile");
        }
        requests.event(
                id,
                now,
                authoriser,
                actor.organisationId(),
                "authorised",
                RequestStatus.AWAITING_AUTHORISATION,
                RequestStatus.SUBMITTED,
                null);
        auditLog.record(
                actor,
                List.of(
                        AuditEvent.of("requests.request.authorised", "legal_request", id, request.requesterId())
                                .with("provider", valid.provider().id())
                                .with("keyId", signed.keyId()),
                        AuditEvent.of(
                                        "requests.request.submitted",
                                        "legal_request",
                                        id,
                                        valid.provider().id())
                                .with("type", valid.type())
                                .with("priority", valid.priority())
                                .with("emergency", valid.emergency())));
        if (valid.oralRequestId() != null) {
            jdbc.sql("UPDATE oral_request SET request_id = ? WHERE id = ? AND request_id IS NULL")
                    .params(id, valid.oralRequestId())
                    .update();
        }
        if (valid.preservationRequestId() != null) {
            requests.set(
                    valid.preservationRequestId(),
                    now,
                    columns("preservation_state", PreservationState.FOLLOWED.name(), "preservation_followed_at", now));
            requests.event(
                    valid.preservationRequestId(),
                    now,
                    authoriser,
                    actor.organisationId(),
                    "disclosure-followed",
                    null,
                    null,
                    request.reference());
        }
        events.publishEvent(Notice.toHolders(
                valid.provider().id(),
                RequestPermissions.HANDLE,
                valid.emergency() ? "requests.notice.emergency-received" : "requests.notice.received",
                List.of(request.reference()),
                "/requests/" + id));
        events.publishEvent(Notice.toPerson(
                request.officerId(), "requests.notice.submitted", List.of(request.reference()), "/requests/" + id));
        webhooks.enqueue(valid.provider().id(), "request.submitted", request.reference(), id);
        // What was stored, without reading it back (RequestLifecycleApiTest compares it with the row).
        RequestView submitted = request.submitted(
                authoriser,
                now,
                acknowledgeDue,
                answerDue,
                signed.keyId(),
                signed.signedAt().truncatedTo(ChronoUnit.MICROS));
        deconflict(submitted, now);
        return submitted;
    }

    /** The authoriser sends it back to the officer with the reason; it is a draft again. */
    @Transactional
    public RequestView returnToOfficer(Actor actor, UUID id, @Nullable String reason) {
        RequestView request =
                access.requireRequester(actor, id, "requests.request.return", RequestPermissions.AUTHORISE);
        String note = requiredText(reason, "reason", 4000);
        Instant now = clock.instant();
        if (!requests.move(id, EnumSet.of(RequestStatus.AWAITING_AUTHORISATION), RequestStatus.DRAFT, now, columns())) {
            throw conflict("requests.problem.not-awaiting-authorisation");
        }
        requests.event(
                id,
                now,
                actor.userId(),
                actor.organisationId(),
                "returned",
                RequestStatus.AWAITING_AUTHORISATION,
                RequestStatus.DRAFT,
                note);
        auditLog.record(actor, AuditEvent.of("requests.request.returned", "legal_request", id, request.requesterId()));
        events.publishEvent(Notice.toPerson(
                request.officerId(), "requests.notice.returned", List.of(request.reference()), "/requests/" + id));
        return requests.find(id, now).orElseThrow();
    }

    /** The requester withdraws it before it is answered; the provider is told and stops. */
    @Transactional
    public RequestView withdraw(Actor actor, UUID id, @Nullable String reason) {
        RequestView request = access.requireRequester(actor, id, "requests.request.withdraw", RequestPermissions.DRAFT);
        if (!request.status().withdrawable()) {
            throw conflict("requests.problem.not-withdrawable");
        }
        String note = requiredText(reason, "reason", 4000);
        Instant now = clock.instant();
        Set<RequestStatus> from = EnumSet.of(RequestStatus.DRAFT, RequestStatus.AWAITING_AUTHORISATION);
        from.addAll(RequestStatus.OPEN);
        if (!requests.move(id, from, RequestStatus.WITHDRAWN, now, columns("withdrawn_at", now, "closed_at", now))) {
            throw conflict("requests.problem.not-withdrawable");
        }
        requests.event(
                id,
                now,
                actor.userId(),
                actor.organisationId(),
                "withdrawn",
                request.status(),
                RequestStatus.WITHDRAWN,
                note);
        auditLog.record(
                actor,
                AuditEvent.of("requests.request.withdrawn", "legal_request", id, request.requesterId())
                        .with("from", request.status()));
        if (request.status().sent() && request.providerId() != null) {
            events.publishEvent(Notice.toHolders(
                    request.providerId(),
                    RequestPermissions.HANDLE,
                    "requests.notice.withdrawn",
                    List.of(request.reference()),
                    "/requests/" + id));
            webhooks.enqueue(request.providerId(), "request.withdrawn", request.reference(), id);
        }
        UUID preservation = request.preservationRequestId();
        if (preservation != null && request.status().sent()) {
            // The preservation it followed is kept again until it expires, is extended or released;
            // left FOLLOWED it would never lapse nor be released, and the provider would keep the data.
            requests.find(preservation, now)
                    .filter(p -> p.preservationState() == PreservationState.FOLLOWED)
                    .ifPresent(p -> {
                        requests.set(preservation, now, columns("preservation_state", PreservationState.ACTIVE.name()));
                        requests.event(
                                preservation,
                                now,
                                actor.userId(),
                                actor.organisationId(),
                                "disclosure-withdrawn",
                                null,
                                null,
                                request.reference());
                    });
        }
        return requests.find(id, now).orElseThrow();
    }

    /** The requester answers the provider's question; the request goes back to where it was. */
    @Transactional
    public RequestView clarify(Actor actor, UUID id, @Nullable String answer) {
        RequestView request = access.requireRequester(actor, id, "requests.request.clarify", RequestPermissions.DRAFT);
        String text = requiredText(answer, "answer", 4000);
        if (request.status() != RequestStatus.CLARIFICATION_REQUESTED) {
            throw conflict("requests.problem.no-question");
        }
        RequestStatus back = requests.events(id).stream()
                .filter(e -> e.to() == RequestStatus.CLARIFICATION_REQUESTED)
                .reduce((a, b) -> b)
                .map(RequestRepository.EventView::from)
                .filter(s -> s == RequestStatus.IN_PROGRESS)
                .orElse(RequestStatus.ACKNOWLEDGED);
        Instant now = clock.instant();
        if (!requests.move(id, EnumSet.of(RequestStatus.CLARIFICATION_REQUESTED), back, now, columns())) {
            throw conflict("requests.problem.no-question");
        }
        requests.event(
                id,
                now,
                actor.userId(),
                actor.organisationId(),
                "clarified",
                RequestStatus.CLARIFICATION_REQUESTED,
                back,
                text);
        auditLog.record(actor, AuditEvent.of("requests.request.clarified", "legal_request", id, request.providerId()));
        notifyProvider(request, "requests.notice.clarified", "request.clarified");
        return requests.find(id, now).orElseThrow();
    }

    /** The requester has read the outcome and closes the request. */
    @Transactional
    public RequestView close(Actor actor, UUID id) {
        RequestView request = access.requireRequester(actor, id, "requests.request.close", RequestPermissions.DRAFT);
        if (!RequestStatus.ANSWERED.contains(request.status())) {
            throw conflict("requests.problem.not-answered");
        }
        if (request.type() == RequestType.PRESERVATION && request.preservationState() == PreservationState.ACTIVE) {
            throw conflict("requests.problem.preservation-active");
        }
        Instant now = clock.instant();
        if (!requests.move(id, RequestStatus.ANSWERED, RequestStatus.CLOSED, now, columns("closed_at", now))) {
            throw conflict("requests.problem.not-answered");
        }
        requests.event(
                id,
                now,
                actor.userId(),
                actor.organisationId(),
                "closed",
                request.status(),
                RequestStatus.CLOSED,
                null);
        auditLog.record(actor, AuditEvent.of("requests.request.closed", "legal_request", id, request.requesterId()));
        return requests.find(id, now).orElseThrow();
    }

    // ---- reading ---------------------------------------------------------------------------

    /**
     * A request's content for one of its two sides; every read is in the ledger. The provider's
     * first read marks it received.
     */
    @Transactional
    public RequestView read(Actor actor, UUID id) {
        RequestAccess.Access found = access.require(actor, id, "requests.request.read");
        RequestView request = found.request();
        Instant now = clock.instant();
        if (found.side() == RequestAccess.Side.PROVIDER && request.status() == RequestStatus.SUBMITTED) {
            if (requests.move(
                    id,
                    EnumSet.of(RequestStatus.SUBMITTED),
                    RequestStatus.RECEIVED,
                    now,
                    columns("received_at", now))) {
                requests.event(
                        id,
                        now,
                        actor.userId(),
                        actor.organisationId(),
                        "received",
                        RequestStatus.SUBMITTED,
                        RequestStatus.RECEIVED,
                        null);
                auditLog.record(
                        actor, AuditEvent.of("requests.request.received", "legal_request", id, request.providerId()));
                request = requests.find(id, now).orElseThrow();
            }
        }
        auditLog.record(
                actor,
                AuditEvent.of("requests.request.read", "legal_request", id, actor.organisationId())
                        .with("side", found.side()));
        return request;
    }

    /** Which side the actor is on, for pages that show each side its own actions. */
    @Transactional(readOnly = true)
    public RequestAccess.Side sideOf(Actor actor, UUID id) {
        return access.require(actor, id, "requests.request.read").side();
    }

    /**
     * The request's history. The provider, as with the comments, sees it from the moment the request
     * was sent: not the requester's drafting, nor the reasons its authoriser returned it for.
     */
    @Transactional(readOnly = true)
    public List<RequestRepository.EventView> history(Actor actor, UUID id) {
        RequestAccess.Access found = access.require(actor, id, "requests.request.history");
        List<RequestRepository.EventView> events = requests.events(id);
        Instant sent = found.request().submittedAt();
        if (found.side() == RequestAccess.Side.PROVIDER && sent != null) {
            return events.stream().filter(e -> !e.at().isBefore(sent)).toList();
        }
        return events;
    }

    /** The provider's inbox. The read of the list is in the ledger; rows carry no case facts. */
    @Transactional
    public CursorPage<RequestSummary> inbox(
            Actor actor, RequestRepository.Filter filter, @Nullable String cursor, int limit) {
        access.requirePermission(actor, "requests.inbox.read", RequestPermissions.HANDLE);
        UUID organisation = actor.requireOrganisation();
        CursorPage<RequestSummary> page = requests.inbox(organisation, filter, cursor, limit, clock.instant());
        auditLog.record(
                actor,
                AuditEvent.of("requests.inbox.read", "organisation", organisation, organisation)
                        .with("rows", page.items().size()));
        return page;
    }

    /** The requester's own requests. */
    @Transactional
    public CursorPage<RequestSummary> outbox(
            Actor actor, RequestRepository.Filter filter, @Nullable String cursor, int limit) {
        access.requirePermission(actor, "requests.outbox.read", RequestPermissions.DRAFT, RequestPermissions.AUTHORISE);
        UUID organisation = actor.requireOrganisation();
        CursorPage<RequestSummary> page = requests.outbox(organisation, filter, cursor, limit, clock.instant());
        auditLog.record(
                actor,
                AuditEvent.of("requests.outbox.read", "organisation", organisation, organisation)
                        .with("rows", page.items().size()));
        return page;
    }

    /**
     * The providers a request may be addressed to, for the draft form: every provider in the
     * directory that is not suspended, by short name. The directory is public within Ura.
     */
    @Transactional(readOnly = true)
    public List<OrganisationView> providers(Actor actor) {
        access.requirePermission(actor, "requests.providers.list", RequestPermissions.DRAFT);
        List<OrganisationView> providers = new ArrayList<>();
        String cursor = null;
        do {
            CursorPage<OrganisationView> page = directory.list(actor, cursor, al.ura.kernel.Cursors.MAX_LIMIT);
            page.items().stream().filter(o -> o.isProvider() && !o.suspended()).forEach(providers::add);
            cursor = page.nextCursor();
        } while (cursor != null);
        return providers;
    }

    // ---- signatures ------------------------------------------------------------------------

    /** What a reader is shown about a request's signature: issued by, authorised by, valid or why not. */
    public record SignatureStatus(
            boolean signed,
            boolean valid,
            @Nullable String reason,
            UUID issuer,
            @Nullable UUID authoriser,
            @Nullable String keyId,
            @Nullable Instant signedAt) {}

    /** Checks the stored request against its signature, through the directory's published keys. */
    @Transactional(readOnly = true)
    public SignatureStatus signatureOf(RequestView request) {
        String stored = jdbc.sql("SELECT signature FROM legal_request WHERE id = ?")
                .param(request.id())
                .query(String.class)
                .optional()
                .orElse(null);
        if (stored == null) {
            return new SignatureStatus(false, false, null, request.requesterId(), request.authoriserId(), null, null);
        }
        byte[] payload = canonical.request(request, attachments.digests(request.id(), "ORDER"));
        String storedPayload = jdbc.sql("SELECT signed_payload FROM legal_request WHERE id = ?")
                .param(request.id())
                .query(String.class)
                .single();
        var check = signing.verify(request.requesterId(), payload, stored);
        String reason = switch (check) {
            case al.ura.directory.SignatureCheck.Valid ignored ->
                storedPayload != null && storedPayload.equals(new String(payload, StandardCharsets.UTF_8))
                        ? null
                        : "STORED_COPY_ALTERED";
            case al.ura.directory.SignatureCheck.Invalid invalid ->
                invalid.reason().name();
        };
        return new SignatureStatus(
                true,
                reason == null,
                reason,
                request.requesterId(),
                request.authoriserId(),
                request.signatureKeyId(),
                request.signedAt());
    }

    /** The signed request as it was sent: the canonical JSON and its detached JWS, for verification anywhere. */
    public record SignedExport(String payload, String jws, String keyId, UUID organisationId, String jwksPath) {}

    @Transactional
    public SignedExport signedExport(Actor actor, UUID id) {
        RequestView request =
                access.require(actor, id, "requests.request.export").request();
        record Row(
                @Nullable String payload,
                @Nullable String jws,
                @Nullable String keyId) {}
        Row row = jdbc.sql("SELECT signed_payload, signature, signature_key_id FROM legal_request WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3)))
                .single();
        if (row.payload() == null || row.jws() == null || row.keyId() == null) {
            throw conflict("requests.problem.not-signed");
        }
        auditLog.record(actor, AuditEvent.of("requests.request.exported", "legal_request", id, actor.organisationId()));
        return new SignedExport(
                row.payload(),
                row.jws(),
                row.keyId(),
                request.requesterId(),
                "/api/v1/directory/organisations/" + request.requesterId() + "/jwks.json");
    }

    /**
     * Checks a signed request that arrived from outside (§51): the signature must be the named
     * requester's. A JWS made by another organisation than the payload names is rejected.
     */
    public SignatureStatus verifyExternal(String payload, String jws) {
        UUID requester;
        try {
            var tree = new tools.jackson.databind.ObjectMapper().readTree(payload);
            requester = UUID.fromString(tree.path("requester").asString());
        } catch (RuntimeException malformed) {
            return new SignatureStatus(true, false, "MALFORMED", new UUID(0, 0), null, null, null);
        }
        var check = signing.verify(requester, payload.getBytes(StandardCharsets.UTF_8), jws);
        return switch (check) {
            case al.ura.directory.SignatureCheck.Valid valid ->
                new SignatureStatus(true, true, null, requester, null, valid.keyId(), valid.signedAt());
            case al.ura.directory.SignatureCheck.Invalid invalid ->
                new SignatureStatus(true, false, invalid.reason().name(), requester, null, null, null);
        };
    }

    // ---- helpers ---------------------------------------------------------------------------

    private RequestValidator.ValidRequest validate(RequestView request, DraftCommand draft) {
        return switch (validator.validate(draft, context(request.id(), request.requesterId(), draft))) {
            case RequestValidator.Outcome.Valid valid -> valid.request();
            case RequestValidator.Outcome.Invalid invalid -> throw ProblemException.validation(invalid.problems());
        };
    }

    private RequestValidator.Context context(UUID requestId, UUID requesterId, DraftCommand draft) {
        // The requester and the provider in one read; the provision, the treaty and the orders in another.
        Map<UUID, OrganisationView> organisations = directory.findAll(
                draft.providerId() == null ? List.of(requesterId) : List.of(requesterId, draft.providerId()));
        OrganisationView requester =
                Optional.ofNullable(organisations.get(requesterId)).orElseThrow();
        Optional<OrganisationView> provider = draft.providerId() == null
                ? Optional.empty()
                : Optional.ofNullable(organisations.get(draft.providerId()));
        Optional<ProviderCatalogue.ServiceState> serviceState =
                draft.serviceId() == null ? Optional.empty() : catalogue.serviceState(draft.serviceId());
        Optional<ProviderServiceView> service = serviceState.map(ProviderCatalogue.ServiceState::service);
        boolean serviceRetired =
                serviceState.map(ProviderCatalogue.ServiceState::retired).orElse(false);
        LegalCatalogue.ValidationFacts facts =
                legal.validationFacts(draft.legalProvisionId(), requester.country(), requestId);
        Optional<LegalProvision> provision = facts.provision().map(LegalCatalogue.ProvisionState::provision);
        boolean provisionRetired =
                facts.provision().map(LegalCatalogue.ProvisionState::retired).orElse(false);
        Optional<RequestValidator.PreservationLink> preservation = draft.preservationRequestId() == null
                ? Optional.empty()
                : requests.find(draft.preservationRequestId(), clock.instant())
                        .map(p -> new RequestValidator.PreservationLink(
                                p.id(),
                                p.requesterId(),
                                p.providerId(),
                                p.type(),
                                p.preservationState() == PreservationState.ACTIVE));
        Optional<RequestValidator.OralLink> oral = draft.oralRequestId() == null
                ? Optional.empty()
                : jdbc.sql("SELECT id, requester_org_id, provider_org_id, request_id FROM oral_request WHERE id = ?")
                        .param(draft.oralRequestId())
                        .query((rs, n) -> new RequestValidator.OralLink(
                                rs.getObject(1, UUID.class),
                                rs.getObject(2, UUID.class),
                                rs.getObject(3, UUID.class),
                                rs.getObject(4, UUID.class) != null
                                        && !rs.getObject(4, UUID.class).equals(requestId)))
                        .optional();
        TreatyCountry requesterTreaty = facts.requesterTreaty();
        List<String> foreign = new ArrayList<>();
        provider.filter(p -> !p.country().equals(requester.country())).ifPresent(p -> {
            for (ContactFunction function : List.of(ContactFunction.TRANSNATIONAL, ContactFunction.EMERGENCY_24_7)) {
                for (ContactPointView contact : contacts.inCountry(p.country(), function)) {
                    directory
                            .find(contact.organisationId())
                            .filter(o -> !o.isProvider())
                            .ifPresent(o ->
                                    foreign.add(o.shortName() + " — " + contact.name() + " <" + contact.email() + ">"
                                            + (contact.phones().isEmpty()
                                                    ? ""
                                                    : " " + contact.phones().getFirst())));
                }
            }
        });
        return new RequestValidator.Context(
                requester,
                provider,
                service,
                serviceRetired,
                provision,
                provisionRetired,
                requesterTreaty,
                provider.map(
                        p -> p.country().equals(requester.country()) ? requesterTreaty : legal.treaty(p.country())),
                preservation,
                oral,
                foreign.stream().distinct().limit(3).toList(),
                facts.orderAttachments(),
                clock.instant(),
                zone);
    }

    /** Two units asking the same provider about the same identifier learn of each other, never of each other's case (§38). */
    private void deconflict(RequestView request, Instant now) {
        if (!properties.deconfliction()) {
            return;
        }
        for (UUID other : requests.sameIdentifierElsewhere(request)) {
            RequestView them = requests.find(other, now).orElseThrow();
            String identifier = request.identifiers().stream()
                    .map(RequestView.IdentifierView::normalised)
                    .filter(n -> them.identifiers().stream()
                            .anyMatch(t -> t.normalised().equals(n)))
                    .findFirst()
                    .orElse("");
            for (UUID[] pair : List.of(new UUID[] {request.id(), other}, new UUID[] {other, request.id()})) {
                jdbc.sql("INSERT INTO request_deconfliction (request_id, other_request_id, identifier, found_at)"
                                + " SELECT ?, ?, ?, ? FROM (VALUES (1)) AS one (x) WHERE NOT EXISTS (SELECT 1 FROM"
                                + " request_deconfliction WHERE request_id = ? AND other_request_id = ?)")
                        .params(pair[0], pair[1], identifier, RequestRepository.utc(now), pair[0], pair[1])
                        .update();
            }
            events.publishEvent(Notice.toPerson(
                    request.officerId(),
                    "requests.notice.deconfliction",
                    List.of(request.reference()),
                    "/requests/" + request.id()));
            events.publishEvent(Notice.toPerson(
                    them.officerId(),
                    "requests.notice.deconfliction",
                    List.of(them.reference()),
                    "/requests/" + them.id()));
            auditLog.record(
                    Actor.SYSTEM,
                    AuditEvent.of("requests.request.deconflicted", "legal_request", request.id(), request.requesterId())
                            .with("other", other));
        }
    }

    /** Whom a request's officer should call about an overlap: the other officer's name, unit and contact, nothing of the case. */
    public record Overlap(
            String otherReference,
            @Nullable String officerName,
            @Nullable String unit,
            @Nullable String phone,
            @Nullable String email,
            UUID organisationId,
            Instant foundAt) {}

    @Transactional(readOnly = true)
    @SuppressWarnings("NullAway") // found_at is never null
    public List<Overlap> overlaps(Actor actor, UUID id) {
        RequestView request = access.requireRequester(actor, id, "requests.request.overlaps", RequestPermissions.DRAFT);
        return jdbc.sql("SELECT o.reference, o.officer_name, o.requesting_unit, o.officer_phone, o.officer_email,"
                        + " o.requester_org_id, d.found_at FROM request_deconfliction d JOIN legal_request o"
                        + " ON o.id = d.other_request_id WHERE d.request_id = ? ORDER BY d.found_at")
                .param(request.id())
                .query((rs, n) -> new Overlap(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, UUID.class),
                        RequestRepository.instant(rs, "found_at")))
                .list();
    }

    void notifyProvider(RequestView request, String messageKey, String webhookEvent) {
        if (request.providerId() == null) {
            return;
        }
        events.publishEvent(Notice.toHolders(
                request.providerId(),
                RequestPermissions.HANDLE,
                messageKey,
                List.of(request.reference()),
                "/requests/" + request.id()));
        webhooks.enqueue(request.providerId(), webhookEvent, request.reference(), request.id());
    }

    static UUID requirePerson(Actor actor) {
        if (actor.userId() == null) {
            throw ProblemException.forbidden();
        }
        return actor.userId();
    }

    static ProblemException conflict(String key) {
        return new ProblemException(CONFLICT, key);
    }

    static String requiredText(@Nullable String value, String field, int max) {
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        String text = RequestValidator.required(value, field, max, problems);
        if (!problems.isEmpty()) {
            throw ProblemException.validation(problems);
        }
        return text;
    }
}
