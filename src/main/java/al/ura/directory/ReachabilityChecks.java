package al.ura.directory;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.kernel.Actor;
import al.ura.kernel.Notice;
import al.ura.kernel.ProblemException;
import al.ura.kernel.ProblemException.FieldProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Does a 24/7 contact actually answer? The operator starts a check: the contact's own e-mail
 * address gets a one-time link that expires, and the organisation's directory managers get an
 * in-app notice; whoever answers first acknowledges, and the time it took is recorded. Only the
 * SHA-256 of the link's token is stored.
 */
@Service
public class ReachabilityChecks {

    /** What following an acknowledgement link came to. */
    public sealed interface Acknowledgement {
        record Acknowledged(Duration answerTime) implements Acknowledgement {}

        record AlreadyAcknowledged() implements Acknowledgement {}

        record Expired() implements Acknowledgement {}

        record Unknown() implements Acknowledgement {}
    }

    /** A started check and the token of its link (sent by e-mail only, never shown or stored). */
    record Started(ReachabilityCheckView check, String token) {}

    /** Asks for the challenge e-mail once the check is committed. */
    record ChallengeMail(UUID checkId, String email, String token, Instant expiresAt) {}

    private static final String COLUMNS = "id, contact_id, organisation_id, started_at, expires_at, mail_sent_at,"
            + " acknowledged_at, acknowledged_via, answer_seconds";

    private final JdbcClient jdbc;
    private final ContactRepository contacts;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration linkValidity;
    private final SecureRandom random = new SecureRandom();

    ReachabilityChecks(
            JdbcClient jdbc,
            ContactRepository contacts,
            AuditLog auditLog,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${ura.directory.reachability-link-validity:PT24H}") Duration linkValidity) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.auditLog = auditLog;
        this.events = events;
        this.clock = clock;
        this.linkValidity = linkValidity;
    }

    /** The operator challenges a 24/7 contact. */
    @Transactional
    public ReachabilityCheckView start(Actor actor, UUID contactId) {
        return startCheck(actor, contactId).check();
    }

    @Transactional
    @SuppressWarnings("NullAway") // SQL NULL is a value here
    Started startCheck(Actor actor, UUID contactId) {
        Optional<ContactRepository.Row> found = contacts.find(contactId);
        if (found.isEmpty() || !actor.has(DirectoryPermissions.MANAGE_ORGANISATIONS)) {
            auditLog.denied(
                    actor,
                    AuditEvent.of(
                            "directory.reachability-check.start",
                            "contact_point",
                            contactId,
                            found.map(ContactRepository.Row::organisationId).orElse(null)));
            throw found.isEmpty() ? ProblemException.notFound() : ProblemException.forbidden();
        }
        ContactRepository.Row contact = found.get();
        if (!contact.alwaysAvailable()) {
            throw ProblemException.validation(
                    List.of(FieldProblem.of("contact", "directory.validation.check-only-24-7")));
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expires = now.plus(linkValidity);
        jdbc.sql("INSERT INTO reachability_check (id, contact_id, organisation_id, token_hash, started_by, started_at,"
                        + " expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        contactId,
                        contact.organisationId(),
                        hash(token),
                        actor.userId(),
                        OrganisationRepository.utc(now),
                        OrganisationRepository.utc(expires))
                .update();
        auditLog.record(
                actor,
                AuditEvent.of(
                                "directory.reachability-check.started",
                                "contact_point",
                                contactId,
                                contact.organisationId())
                        .with("check", id));
        events.publishEvent(Notice.toHolders(
                contact.organisationId(),
                DirectoryPermissions.MANAGE_OWN,
                "directory.notice.reachability-check",
                List.of(contact.name()),
                "/directory/checks/" + id));
        events.publishEvent(new ChallengeMail(id, contact.email(), token, expires));
        return new Started(find(id).orElseThrow(), token);
    }

    /** The contact follows the link from its e-mail: no sign-in, the token is the proof. */
    @Transactional
    public Acknowledgement acknowledgeByLink(String token) {
        Optional<ReachabilityCheckView> found = jdbc.sql(
                        "SELECT " + COLUMNS + " FROM reachability_check WHERE token_hash = ? FOR UPDATE")
                .param(hash(token))
                .query((rs, n) -> map(rs, clock.instant()))
                .optional();
        if (found.isEmpty()) {
            auditLog.denied(
                    Actor.ANONYMOUS,
                    AuditEvent.of("directory.reachability-check.acknowledge", "reachability_check", null, null));
            return new Acknowledgement.Unknown();
        }
        return acknowledge(Actor.ANONYMOUS, found.get(), "EMAIL");
    }

    /** A directory manager of the contact's organisation acknowledges from the notice in Ura. */
    @Transactional
    public Acknowledgement acknowledgeInApp(Actor actor, UUID checkId) {
        ReachabilityCheckView check = requireVisible(actor, checkId, "directory.reachability-check.acknowledge");
        if (!OrganisationDirectory.mayManage(actor, check.organisationId())
                || actor.has(DirectoryPermissions.MANAGE_ORGANISATIONS) && !actor.belongsTo(check.organisationId())) {
            // The operator who started it cannot answer for the contact.
            auditLog.denied(
                    actor,
                    AuditEvent.of(
                            "directory.reachability-check.acknowledge",
                            "reachability_check",
                            checkId,
                            check.organisationId()));
            throw ProblemException.forbidden();
        }
        return acknowledge(actor, check, "IN_APP");
    }

    @SuppressWarnings("NullAway") // SQL NULL is a value here
    private Acknowledgement acknowledge(Actor actor, ReachabilityCheckView check, String via) {
        Instant now = clock.instant();
        if (check.acknowledgedAt() != null) {
            return new Acknowledgement.AlreadyAcknowledged();
        }
        if (!now.isBefore(check.expiresAt())) {
            return new Acknowledgement.Expired();
        }
        Duration answer = Duration.between(check.startedAt(), now);
        int changed = jdbc.sql("UPDATE reachability_check SET acknowledged_at = ?, acknowledged_via = ?,"
                        + " acknowledged_by = ?, answer_seconds = ? WHERE id = ? AND acknowledged_at IS NULL")
                .params(OrganisationRepository.utc(now), via, actor.userId(), answer.toSeconds(), check.id())
                .update();
        if (changed == 0) {
            return new Acknowledgement.AlreadyAcknowledged();
        }
        auditLog.record(
                actor,
                AuditEvent.of(
                                "directory.reachability-check.acknowledged",
                                "contact_point",
                                check.contactId(),
                                check.organisationId())
                        .with("check", check.id())
                        .with("via", via)
                        .with("answerSeconds", answer.toSeconds()));
        return new Acknowledgement.Acknowledged(answer);
    }

    /** The check, for the operator and the contact's organisation; 404 for anyone else. */
    @Transactional(readOnly = true)
    public ReachabilityCheckView get(Actor actor, UUID checkId) {
        return requireVisible(actor, checkId, "directory.reachability-check.read");
    }

    /** The latest checks of a contact, newest first: everyone with the directory sees how fast a 24/7 contact answers. */
    @Transactional(readOnly = true)
    public List<ReachabilityCheckView> recent(UUID contactId, int limit) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT " + COLUMNS + " FROM reachability_check WHERE contact_id = ?"
                        + " ORDER BY started_at DESC, id FETCH FIRST " + limit + " ROWS ONLY")
                .param(contactId)
                .query((rs, n) -> map(rs, now))
                .list();
    }

    void markMailSent(UUID checkId) {
        jdbc.sql("UPDATE reachability_check SET mail_sent_at = ? WHERE id = ?")
                .params(OrganisationRepository.utc(clock.instant()), checkId)
                .update();
    }

    Optional<ReachabilityCheckView> find(UUID checkId) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT " + COLUMNS + " FROM reachability_check WHERE id = ?")
                .param(checkId)
                .query((rs, n) -> map(rs, now))
                .optional();
    }

    private ReachabilityCheckView requireVisible(Actor actor, UUID checkId, String action) {
        Optional<ReachabilityCheckView> check = find(checkId);
        if (check.isEmpty()
                || !(actor.has(DirectoryPermissions.MANAGE_ORGANISATIONS)
                        || OrganisationDirectory.mayManage(actor, check.get().organisationId()))) {
            auditLog.denied(
                    actor,
                    AuditEvent.of(
                            action,
                            "reachability_check",
                            checkId,
                            check.map(ReachabilityCheckView::organisationId).orElse(null)));
            throw ProblemException.notFound();
        }
        return check.get();
    }

    private static ReachabilityCheckView map(ResultSet rs, Instant now) throws SQLException {
        Instant acknowledged = OrganisationRepository.instant(rs, "acknowledged_at");
        Instant expires = Objects.requireNonNull(OrganisationRepository.instant(rs, "expires_at"));
        long seconds = rs.getLong("answer_seconds");
        boolean noAnswer = rs.wasNull();
        ReachabilityCheckView.Status status = acknowledged != null
                ? ReachabilityCheckView.Status.ACKNOWLEDGED
                : now.isBefore(expires) ? ReachabilityCheckView.Status.OPEN : ReachabilityCheckView.Status.UNANSWERED;
        return new ReachabilityCheckView(
                rs.getObject("id", UUID.class),
                rs.getObject("contact_id", UUID.class),
                rs.getObject("organisation_id", UUID.class),
                Objects.requireNonNull(OrganisationRepository.instant(rs, "started_at")),
                expires,
                OrganisationRepository.instant(rs, "mail_sent_at"),
                acknowledged,
                rs.getString("acknowledged_via"),
                noAnswer ? null : Duration.ofSeconds(seconds),
                status);
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
