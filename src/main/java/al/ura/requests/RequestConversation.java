package al.ura.requests;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.kernel.Actor;
import al.ura.kernel.Notice;
import al.ura.kernel.ProblemException;
import al.ura.kernel.ProblemException.FieldProblem;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the two sides say to each other around a request: the comment thread, feedback after it
 * is closed (§12, §17), and providers' cost claims with the requester's decision (§16).
 */
@Service
public class RequestConversation {

    private final JdbcClient jdbc;
    private final RequestAccess access;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RequestConversation(
            JdbcClient jdbc, RequestAccess access, AuditLog auditLog, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.auditLog = auditLog;
        this.events = events;
        this.clock = clock;
    }

    public record CommentView(UUID id, @Nullable UUID authorId, UUID authorOrganisationId, Instant at, String body) {}

    @Transactional
    @SuppressWarnings("NullAway") // SQL NULL is a value here
    public CommentView comment(Actor actor, UUID requestId, @Nullable String body) {
        RequestAccess.Access found = access.require(actor, requestId, "requests.comment.create");
        String text = LegalRequests.requiredText(body, "body", 4000);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql(
                        "INSERT INTO request_comment (id, request_id, author_id, author_org_id, at, body) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, requestId, actor.userId(), actor.requireOrganisation(), RequestRepository.utc(now), text)
                .update();
        auditLog.record(
                actor, AuditEvent.of("requests.comment.created", "legal_request", requestId, actor.organisationId()));
        RequestView request = found.request();
        if (found.side() == RequestAccess.Side.REQUESTER && request.status().sent() && request.providerId() != null) {
            events.publishEvent(Notice.toHolders(
                    request.providerId(),
                    RequestPermissions.HANDLE,
                    "requests.notice.comment",
                    List.of(request.reference()),
                    "/requests/" + requestId));
        } else if (found.side() == RequestAccess.Side.PROVIDER) {
            events.publishEvent(Notice.toPerson(
                    request.officerId(),
                    "requests.notice.comment",
                    List.of(request.reference()),
                    "/requests/" + requestId));
        }
        return new CommentView(id, actor.userId(), actor.requireOrganisation(), now, text);
    }

    @Transactional(readOnly = true)
    @SuppressWarnings("NullAway") // at is never null
    public List<CommentView> comments(Actor actor, UUID requestId) {
        RequestAccess.Access found = access.require(actor, requestId, "requests.comment.list");
        // The provider sees the thread from the moment the request was sent, not the requester's internal drafting
        // notes.
        Instant since =
                found.side() == RequestAccess.Side.PROVIDER ? found.request().submittedAt() : Instant.EPOCH;
        return jdbc.sql("SELECT id, author_id, author_org_id, at, body FROM request_comment WHERE request_id = ?"
                        + " AND (at >= ? OR author_org_id = ?) ORDER BY at, id")
                .params(requestId, RequestRepository.utc(Objects.requireNonNull(since)), actor.requireOrganisation())
                .query((rs, n) -> new CommentView(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        RequestRepository.instant(rs, "at"),
                        rs.getString(5)))
                .list();
    }

    public record FeedbackCommand(
            @Nullable Integer rating, @Nullable String body) {}

    public record FeedbackView(
            String side, int rating, @Nullable String body, Instant givenAt) {}

    /** Feedback on how the exchange went, once per side, after the request is closed. */
    @Transactional
    @SuppressWarnings("NullAway") // SQL NULL is a value here
    public FeedbackView feedback(Actor actor, UUID requestId, FeedbackCommand command) {
        RequestAccess.Access found = access.require(actor, requestId, "requests.feedback.create");
        RequestStatus status = found.request().status();
        if (status != RequestStatus.CLOSED && status != RequestStatus.WITHDRAWN) {
            throw LegalRequests.conflict("requests.problem.feedback-after-close");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (command.rating() == null || command.rating() < 1 || command.rating() > 5) {
            problems.add(FieldProblem.of("rating", "requests.validation.rating"));
        }
        String body = RequestValidator.optional(command.body(), "body", 4000, problems);
        if (!problems.isEmpty()) {
            throw ProblemException.validation(problems);
        }
        String side = found.side().name();
        Instant now = clock.instant();
        int exists = Objects.requireNonNullElse(
                jdbc.sql("SELECT COUNT(*) FROM request_feedback WHERE request_id = ? AND side = ?")
                        .params(requestId, side)
                        .query(Integer.class)
                        .single(),
                0);
        if (exists > 0) {
            throw LegalRequests.conflict("requests.problem.feedback-given");
        }
        jdbc.sql(
                        "INSERT INTO request_feedback (request_id, side, rating, body, given_by, given_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(requestId, side, command.rating(), body, actor.userId(), RequestRepository.utc(now))
                .update();
        auditLog.record(
                actor,
                AuditEvent.of("requests.feedback.created", "legal_request", requestId, actor.organisationId())
                        .with("rating", command.rating()));
        return new FeedbackView(side, Objects.requireNonNull(command.rating()), body, now);
    }

    @Transactional(readOnly = true)
    @SuppressWarnings("NullAway") // given_at is never null
    public List<FeedbackView> feedbackOf(Actor actor, UUID requestId) {
        access.require(actor, requestId, "requests.feedback.list");
        return jdbc.sql("SELECT side, rating, body, given_at FROM request_feedback WHERE request_id = ? ORDER BY side")
                .param(requestId)
                .query((rs, n) -> new FeedbackView(
                        rs.getString(1), rs.getInt(2), rs.getString(3), RequestRepository.instant(rs, "given_at")))
                .list();
    }

    public record CostClaimCommand(
            @Nullable BigDecimal amount,
            @Nullable String currency,
            @Nullable String description) {}

    public record CostDecision(boolean approve, @Nullable String note) {}

    public record CostClaimView(
            UUID id,
            BigDecimal amount,
            String currency,
            String description,
            String status,
            Instant claimedAt,
            @Nullable Instant decidedAt,
            @Nullable String decisionNote) {}

    /** A provider claims the cost of answering, where the law provides for reimbursement (§16). */
    @Transactional
    @SuppressWarnings("NullAway") // SQL NULL is a value here
    public CostClaimView claim(Actor actor, UUID requestId, CostClaimCommand command) {
        RequestView request = access.requireProvider(actor, requestId, "requests.cost.create");
        if (request.answeredAt() == null) {
            throw LegalRequests.conflict("requests.problem.cost-after-answer");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (command.amount() == null
                || command.amount().signum() <= 0
                || command.amount().scale() > 2
                || command.amount().compareTo(new BigDecimal("1000000000")) >= 0) {
            problems.add(FieldProblem.of("amount", "requests.validation.amount"));
        }
        String currency =
                command.currency() == null ? "" : command.currency().trim().toUpperCase(java.util.Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            problems.add(FieldProblem.of("currency", "requests.validation.currency"));
        }
        String description = RequestValidator.required(command.description(), "description", 2000, problems);
        if (!problems.isEmpty()) {
            throw ProblemException.validation(problems);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql(
                        "INSERT INTO cost_claim (id, request_id, amount, currency, description, status, claimed_by, claimed_at)"
                                + " VALUES (?, ?, ?, ?, ?, 'CLAIMED', ?, ?)")
                .params(
                        id,
                        requestId,
                        command.amount(),
                        currency,
                        description,
                        actor.userId(),
                        RequestRepository.utc(now))
                .update();
        auditLog.record(actor, AuditEvent.of("requests.cost.created", "cost_claim", id, request.requesterId()));
        events.publishEvent(Notice.toPerson(
                request.officerId(),
                "requests.notice.cost-claimed",
                List.of(request.reference()),
                "/requests/" + requestId));
        return claims(requestId).stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** The requester's authoriser approves or rejects a claim. */
    @Transactional
    @SuppressWarnings("NullAway") // SQL NULL is a value here
    public CostClaimView decide(Actor actor, UUID requestId, UUID claimId, CostDecision decision) {
        RequestView request =
                access.requireRequester(actor, requestId, "requests.cost.decide", RequestPermissions.AUTHORISE);
        String note = decision.approve()
                ? RequestValidator.optional(decision.note(), "note", 2000, new ArrayList<>())
                : LegalRequests.requiredText(decision.note(), "note", 2000);
        int changed = jdbc.sql("UPDATE cost_claim SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?"
                        + " WHERE id = ? AND request_id = ? AND status = 'CLAIMED'")
                .params(
                        decision.approve() ? "APPROVED" : "REJECTED",
                        actor.userId(),
                        RequestRepository.utc(clock.instant()),
                        note,
                        claimId,
                        requestId)
                .update();
        if (changed == 0) {
            throw LegalRequests.conflict("requests.problem.cost-decided");
        }
        auditLog.record(
                actor,
                AuditEvent.of("requests.cost.decided", "cost_claim", claimId, request.providerId())
                        .with("approved", decision.approve()));
        if (request.providerId() != null) {
            events.publishEvent(Notice.toHolders(
                    request.providerId(),
                    RequestPermissions.HANDLE,
                    "requests.notice.cost-decided",
                    List.of(request.reference()),
                    "/requests/" + requestId));
        }
        return claims(requestId).stream()
                .filter(c -> c.id().equals(claimId))
                .findFirst()
                .orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<CostClaimView> claims(Actor actor, UUID requestId) {
        access.require(actor, requestId, "requests.cost.list");
        return claims(requestId);
    }

    @SuppressWarnings("NullAway") // claimed_at is never null
    private List<CostClaimView> claims(UUID requestId) {
        return jdbc.sql("SELECT id, amount, currency, description, status, claimed_at, decided_at, decision_note"
                        + " FROM cost_claim WHERE request_id = ? ORDER BY claimed_at")
                .param(requestId)
                .query((rs, n) -> new CostClaimView(
                        rs.getObject(1, UUID.class),
                        rs.getBigDecimal(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        RequestRepository.instant(rs, "claimed_at"),
                        RequestRepository.instant(rs, "decided_at"),
                        rs.getString(8)))
                .list();
    }
}
