package al.ura.requests;

import static al.ura.requests.RequestRepository.columns;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.directory.DocumentSigning;
import al.ura.directory.SignatureCheck;
import al.ura.directory.SignedDocument;
import al.ura.kernel.Actor;
import al.ura.kernel.Notice;
import al.ura.kernel.ProblemException;
import al.ura.kernel.ProblemException.FieldProblem;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provider's side (§§51-57): acknowledge, ask for clarification, start work, answer per
 * identifier, refuse or declare impossible with a reason and an explanation. Nothing is done on a
 * request whose signature does not verify against the directory (§51). Answers are signed with the
 * provider's key.
 */
@Service
public class ProviderDesk {

    private final RequestRepository requests;
    private final RequestAccess access;
    private final LegalRequests legalRequests;
    private final RequestAttachments attachments;
    private final CanonicalForms canonical;
    private final DocumentSigning signing;
    private final LegalCatalogue legal;
    private final al.ura.directory.OrganisationDirectory directory;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    ProviderDesk(
            RequestRepository requests,
            RequestAccess access,
            LegalRequests legalRequests,
            RequestAttachments attachments,
            CanonicalForms canonical,
            DocumentSigning signing,
            LegalCatalogue legal,
            al.ura.directory.OrganisationDirectory directory,
            AuditLog auditLog,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            Clock clock) {
        this.requests = requests;
        this.access = access;
        this.legalRequests = legalRequests;
        this.attachments = attachments;
        this.canonical = canonical;
        this.signing = signing;
        this.legal = legal;
        this.directory = directory;
        this.auditLog = auditLog;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public RequestView acknowledge(Actor actor, UUID id) {
        RequestView request = verified(actor, id, "requests.request.acknowledge");
        Instant now = clock.instant();
        Instant submitted = java.util.Objects.requireNonNull(request.submittedAt());
        if (!requests.move(
                id,
                EnumSet.of(RequestStatus.SUBMITTED, RequestStatus.RECEIVED),
                RequestStatus.ACKNOWLEDGED,
                now,
                columns(
                        "acknowledged_at",
                        now,
                        "received_at",
                        request.receivedAt() == null ? now : request.receivedAt(),
                        "acknowledge_seconds",
                        Duration.between(submitted, now).toSeconds()))) {
            throw LegalRequests.conflict("requests.problem.not-acknowledgeable");
        }
        requests.event(
                id,
                now,
                actor.userId(),
                actor.organisationId(),
                "acknowledged",
                request.status(),
                RequestStatus.ACKNOWLEDGED,
                null);
        auditLog.record(
                actor, AuditEvent.of("requests.request.acknowledged", "legal_request", id, request.requesterId()));
        tellRequester(request, "requests.notice.acknowledged");
        return requests.find(id, now).orElseThrow();
    }

    @Transactional
    public RequestView askClarification(Actor actor, UUID id, @Nullable String question) {
        RequestView request = verified(actor, id, "requests.request.ask-clarification");
        String text = LegalRequests.requiredText(question, "question", 4000);
        Instant now = clock.instant();
        Set<RequestStatus> from = EnumSet.of(
                RequestStatus.SUBMITTED, RequestStatus.RECEIVED, RequestStatus.ACKNOWLEDGED, RequestStatus.IN_PROGRESS);
        var set = columns("received_at", request.receivedAt() == null ? now : request.receivedAt());
        // A question about the request acknowledges it: answered, it goes back to ACKNOWLEDGED, and
        // the acknowledgement clock must not run on while the provider waits for the answer.
        if (request.acknowledgedAt() == null) {
            set.put("acknowledged_at", now);
            set.put(
                    "acknowledge_seconds",
                    Duration.between(java.util.Objects.requireNonNull(request.submittedAt()), now)
                            .toSeconds());
        }
        if (!requests.move(id, from, RequestStatus.CLARIFICATION_REQUESTED, now, set)) {
            throw LegalRequests.conflict("requests.problem.not-clarifiable");
        }
        requests.event(
                id,
                now,
                actor.userId(),
                actor.organisationId(),
                "clarification-asked",
                request.status(),
                RequestStatus.CLARIFICATION_REQUESTED,
                text);
        auditLog.record(
                actor,
                AuditEvent.of("requests.request.clarification-asked", "legal_request", id, request.requesterId()));
        tellRequester(request, "requests.notice.clarification-asked");
        return requests.find(id, now).orElseThrow();
    }

    @Transactional
    public RequestView startWork(Actor actor, UUID id) {
        RequestView request = verified(actor, id, "requests.request.start");
        Instant now = clock.instant();
        if (!requests.move(id, EnumSet.of(RequestStatus.ACKNOWLEDGED), RequestStatus.IN_PROGRESS, now, columns())) {
            throw LegalRequests.conflict("requests.problem.not-startable");
        }
        requests.event(
                id,
                now,
                actor.userId(),
                actor.organisationId(),
                "in-progress",
                RequestStatus.ACKNOWLEDGED,
                RequestStatus.IN_PROGRESS,
                null);
        auditLog.record(actor, AuditEvent.of("requests.request.started", "legal_request", id, request.requesterId()));
        return requests.find(id, now).orElseThrow();
    }

    /** What the provider found for one identifier: records (as text) and/or an attached file. */
    public record ItemCommand(
            int position,
            boolean found,
            @Nullable String records,
            @Nullable UUID fileId) {}

    /** A full or partial answer; {@code note} explains what is missing from a partial one. */
    public record AnswerCommand(
            boolean complete,
            @Nullable String note,
            @Nullable List<ItemCommand> items) {}

    /** A refusal or an impossibility, always with a reason and a written explanation (§57). */
    public record RefusalCommand(
            boolean impossible,
            @Nullable RefusalReason reason,
            @Nullable String explanation) {}

    @Transactional
    @SuppressWarnings("NullAway") // SQL NULL is a value here
    public RequestView answer(Actor actor, UUID id, AnswerCommand command) {
        RequestView request = verified(actor, id, "requests.request.answer");
        List<FieldProblem> problems = new ArrayList<>();
        List<ItemCommand> items = command.items() == null ? List.of() : command.items();
        Set<Integer> positions = new HashSet<>();
        request.identifiers().forEach(i -> positions.add(i.position()));
        Set<Integer> answered = new HashSet<>();
        List<CanonicalForms.AnswerItemDigest> digests = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ItemCommand item = items.get(i);
            String prefix = "items[" + i + "].";
            if (!positions.contains(item.position()) || !answered.add(item.position())) {
                problems.add(FieldProblem.of(prefix + "position", "requests.validation.answer-position"));
                continue;
            }
            String records = RequestValidator.optional(item.records(), prefix + "records", 100_000, problems);
            String sha = null;
            if (item.fileId() != null) {
                sha = attachments.sha256(id, item.fileId());
                if (sha == null) {
                    problems.add(FieldProblem.of(prefix + "fileId", "requests.validation.answer-file"));
                }
            }
            if (item.found() && records == null && item.fileId() == null) {
                problems.add(FieldProblem.of(prefix + "records", "requests.validation.answer-records"));
            }
            digests.add(new CanonicalForms.AnswerItemDigest(item.position(), item.found(), records, sha));
        }
        if (!answered.containsAll(positions)) {
            problems.add(FieldProblem.of("items", "requests.validation.answer-every-identifier"));
        }
        String note = RequestValidator.optional(command.note(), "note", 4000, problems);
        boolean anyFound = digests.stream().anyMatch(CanonicalForms.AnswerItemDigest::found);
        if (!command.complete() && note == null) {
            problems.add(FieldProblem.of("note", "requests.validation.partial-note"));
        }
        if (command.complete() && !anyFound && request.type() != RequestType.PRESERVATION) {
            problems.add(FieldProblem.of("items", "requests.validation.answer-nothing-found"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.validation(problems);
        }
        RequestStatus outcome = command.complete() ? RequestStatus.ANSWERED_FULL : RequestStatus.ANSWERED_PART;
        Instant now = clock.instant();
        SignedAnswer signed = signAnswer(request, outcome.name(), null, note, digests, now);
        storeAnswer(request, outcome, note, signed, now, actor);
        for (int i = 0; i < items.size(); i++) {
            ItemCommand item = items.get(i);
            jdbc.sql(
                            "INSERT INTO answer_item (request_id, position, found, records, file_id, file_sha256) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            item.position(),
                            item.found(),
                            digests.get(i).records(),
                            item.fileId(),
                            digests.get(i).fileSha256())
                    .update();
        }
        var set = columns(
                "answered_at",
                now,
                "answer_seconds",
                Duration.between(java.util.Objects.requireNonNull(request.submittedAt()), now)
                        .toSeconds(),
                "outcome",
                outcome.name());
        if (request.acknowledgedAt() == null) {
            set.put("acknowledged_at", now);
            set.put(
                    "acknowledge_seconds",
                    Duration.between(request.submittedAt(), now).toSeconds());
        }
        if (request.type() == RequestType.PRESERVATION) {
            var treaty = legal.treaty(directory
                    .find(java.util.Objects.requireNonNull(request.providerId()))
                    .orElseThrow()
                    .country());
            set.put("preservation_state", PreservationState.ACTIVE.name());
            set.put("preservation_expires_at", now.plus(Duration.ofDays(treaty.preservationDays())));
        }
        if (!requests.move(id, answerable(), outcome, now, set)) {
            throw LegalRequests.conflict("requests.problem.not-answerable");
        }
        requests.event(id, now, actor.userId(), actor.organisationId(), "answered", request.status(), outcome, note);
        auditLog.record(
                actor,
                AuditEvent.of("requests.request.answered", "legal_request", id, request.requesterId())
                        .with("outcome", outcome)
                        .with("keyId", signed.keyId()));
        afterOutcome(request, now, actor);
        tellRequester(request, "requests.notice.answered");
        return requests.find(id, now).orElseThrow();
    }

    @Transactional
    public RequestView refuse(Actor actor, UUID id, RefusalCommand command) {
        RequestView request = verified(actor, id, "requests.request.refuse");
        List<FieldProblem> problems = new ArrayList<>();
        if (command.reason() == null) {
            problems.add(FieldProblem.of("reason", "requests.validation.reason-required"));
        }
        String explanation = RequestValidator.required(command.explanation(), "explanation", 4000, problems);
        if (!explanation.isEmpty() && explanation.length() < 10) {
            problems.add(FieldProblem.of("explanation", "requests.validation.explanation-short", 10));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.validation(problems);
        }
        RefusalReason reason = java.util.Objects.requireNonNull(command.reason());
        RequestStatus outcome = command.impossible() ? RequestStatus.IMPOSSIBLE : RequestStatus.REFUSED;
        Instant now = clock.instant();
        SignedAnswer signed = signAnswer(request, outcome.name(), reason.name(), explanation, List.of(), now);
        storeAnswer(request, outcome, explanation, signed, now, actor);
        var set = columns(
                "answered_at",
                now,
                "answer_seconds",
                Duration.between(java.util.Objects.requireNonNull(request.submittedAt()), now)
                        .toSeconds(),
                "outcome",
                outcome.name(),
                "reason_code",
                reason.name(),
                "reason_text",
                explanation);
        if (request.acknowledgedAt() == null) {
            set.put("acknowledged_at", now);
            set.put(
                    "acknowledge_seconds",
                    Duration.between(request.submittedAt(), now).toSeconds());
        }
        if (!requests.move(id, answerable(), outcome, now, set)) {
            throw LegalRequests.conflict("requests.problem.not-answerable");
        }
        requests.event(
                id,
                now,
                actor.userId(),
                actor.organisationId(),
                command.impossible() ? "impossible" : "refused",
                request.status(),
                outcome,
                reason.name() + ": " + explanation);
        auditLog.record(
                actor,
                AuditEvent.of(
                                "requests.request." + (command.impossible() ? "impossible" : "refused"),
                                "legal_request",
                                id,
                                request.requesterId())
                        .with("reason", reason));
        afterOutcome(request, now, actor);
        tellRequester(request, "requests.notice.refused");
        return requests.find(id, now).orElseThrow();
    }

    /** The signed answer and its items, for both sides. */
    public record AnswerView(
            RequestStatus outcome,
            @Nullable String note,
            Instant answeredAt,
            @Nullable UUID answeredBy,
            String keyId,
            boolean signatureValid,
            List<ItemView> items) {}

    public record ItemView(
            int position,
            boolean found,
            @Nullable String records,
            @Nullable UUID fileId,
            @Nullable String fileSha256) {}

    @Transactional
    public java.util.Optional<AnswerView> answerOf(Actor actor, UUID id) {
        RequestView request = access.require(actor, id, "requests.answer.read").request();
        record Row(
                String outcome,
                @Nullable String note,
                Instant at,
                @Nullable UUID by,
                String payload,
                String jws,
                String kid) {}
        var row = jdbc.sql("SELECT outcome, note, answered_at, answered_by, signed_payload, signature, signature_key_id"
                        + " FROM request_answer WHERE request_id = ?")
                .param(id)
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        java.util.Objects.requireNonNull(RequestRepository.instant(rs, "answered_at")),
                        rs.getObject(4, UUID.class),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .optional();
        if (row.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<ItemView> items = jdbc.sql("SELECT position, found, records, file_id, file_sha256 FROM answer_item"
                        + " WHERE request_id = ? ORDER BY position")
                .param(id)
                .query((rs, n) -> new ItemView(
                        rs.getInt(1), rs.getBoolean(2), rs.getString(3), rs.getObject(4, UUID.class), rs.getString(5)))
                .list();
        // The answer's signature covers its stored form: recompute it from the rows, as for the request.
        List<CanonicalForms.AnswerItemDigest> digests = items.stream()
                .map(i -> new CanonicalForms.AnswerItemDigest(i.position(), i.found(), i.records(), i.fileSha256()))
                .toList();
        String requestSignature = jdbc.sql("SELECT signature FROM legal_request WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
        RequestView current = requests.find(id, clock.instant()).orElseThrow();
        byte[] payload = canonical.answer(
                current,
                requestSignature,
                row.get().outcome(),
                current.reason() == null ? null : current.reason().name(),
                row.get().note(),
                digests,
                attachments.digests(id, "ANSWER"),
                row.get().at());
        boolean valid =
                new String(payload, StandardCharsets.UTF_8).equals(row.get().payload())
                        && signing.verify(
                                        java.util.Objects.requireNonNull(request.providerId()),
                                        payload,
                                        row.get().jws())
                                .valid();
        auditLog.record(actor, AuditEvent.of("requests.answer.read", "legal_request", id, actor.organisationId()));
        return java.util.Optional.of(new AnswerView(
                RequestStatus.valueOf(row.get().outcome()),
                row.get().note(),
                row.get().at(),
                row.get().by(),
                row.get().kid(),
                valid,
                items));
    }

    private SignedAnswer signAnswer(
            RequestView request,
            String outcome,
            @Nullable String reason,
            @Nullable String note,
            List<CanonicalForms.AnswerItemDigest> items,
            Instant now) {
        String requestSignature = jdbc.sql("SELECT signature FROM legal_request WHERE id = ?")
                .param(request.id())
                .query(String.class)
                .single();
        byte[] payload = canonical.answer(
                request,
                requestSignature,
                outcome,
                reason,
                note,
                items,
                attachments.digests(request.id(), "ANSWER"),
                now);
        SignedDocument signed = signing.sign(java.util.Objects.requireNonNull(request.providerId()), payload);
        return new SignedAnswer(signed, new String(payload, StandardCharsets.UTF_8));
    }

    /** A signed answer and the exact text that was signed. */
    private record SignedAnswer(SignedDocument signature, String payload) {
        String keyId() {
            return signature.keyId();
        }
    }

    @SuppressWarnings("NullAway") // SQL NULL is a value here
    private void storeAnswer(
            RequestView request,
            RequestStatus outcome,
            @Nullable String note,
            SignedAnswer answer,
            Instant now,
            Actor actor) {
        String payload = answer.payload();
        SignedDocument signed = answer.signature();
        jdbc.sql(
                        "INSERT INTO request_answer (request_id, outcome, answered_by, answered_at, note, signed_payload, signature,"
                                + " signature_key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        request.id(),
                        outcome.name(),
                        actor.userId(),
                        RequestRepository.utc(now),
                        note,
                        payload,
                        signed.detachedJws(),
                        signed.keyId())
                .update();
    }

    /** A disclosure that followed a preservation converts it once answered. */
    private void afterOutcome(RequestView request, Instant now, Actor actor) {
        if (request.preservationRequestId() != null) {
            requests.set(
                    request.preservationRequestId(),
                    now,
                    columns("preservation_state", PreservationState.CONVERTED.name()));
            requests.move(
                    request.preservationRequestId(),
                    RequestStatus.ANSWERED,
                    RequestStatus.CLOSED,
                    now,
                    columns("closed_at", now));
            requests.event(
                    request.preservationRequestId(),
                    now,
                    actor.userId(),
                    actor.organisationId(),
                    "converted",
                    null,
                    RequestStatus.CLOSED,
                    request.reference());
        }
    }

    private static Set<RequestStatus> answerable() {
        return EnumSet.of(
                RequestStatus.SUBMITTED,
                RequestStatus.RECEIVED,
                RequestStatus.ACKNOWLEDGED,
                RequestStatus.IN_PROGRESS,
                RequestStatus.CLARIFICATION_REQUESTED);
    }

    /** The request for a provider action, refused while its signature does not verify (§51). */
    private RequestView verified(Actor actor, UUID id, String action) {
        RequestView request = access.requireProvider(actor, id, action);
        LegalRequests.SignatureStatus signature = legalRequests.signatureOf(request);
        if (!signature.valid()) {
            auditLog.denied(
                    actor,
                    AuditEvent.of(action, "legal_request", id, request.requesterId())
                            .with("reason", "signature-" + signature.reason()));
            throw new ProblemException(LegalRequests.SIGNATURE, "requests.problem.signature-invalid");
        }
        return request;
    }

    private void tellRequester(RequestView request, String key) {
        events.publishEvent(
                Notice.toPerson(request.officerId(), key, List.of(request.reference()), "/requests/" + request.id()));
    }

    static boolean valid(SignatureCheck check) {
        return check.valid();
    }
}
