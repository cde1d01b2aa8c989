package al.ura.directory;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.kernel.Actor;
import al.ura.kernel.JobLocks;
import al.ura.kernel.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keys as the organisations and the public see them: the list, rotation, and the JWKS. A key for
 * every organisation: created with it, and on start for any that has none (one node at a time); a
 * key that reaches its end is replaced by a new one before it does.
 */
@Service
public class SigningKeyService {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyService.class);
    /** Replace a key this long before its planned end, so no document is signed with a key about to lapse. */
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private final SigningKeys keys;
    private final OrganisationDirectory directory;
    private final ChangeHistory history;
    private final AuditLog auditLog;
    private final JobLocks locks;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SigningKeyService(
            SigningKeys keys,
            OrganisationDirectory directory,
            ChangeHistory history,
            AuditLog auditLog,
            JobLocks locks,
            JdbcClient jdbc,
            TransactionTemplate transaction,
            Clock clock) {
        this.keys = keys;
        this.directory = directory;
        this.history = history;
        this.auditLog = auditLog;
        this.locks = locks;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Every key the organisation has had, newest first; published, so anyone with the directory may read them. */
    @Transactional(readOnly = true)
    public List<SigningKeyView> keysOf(UUID organisationId) {
        Instant now = clock.instant();
        Optional<SigningKeys.SigningKey> current = keys.current(organisationId, now);
        return keys.of(organisationId).stream()
                .map(key -> new SigningKeyView(
                        key.kid(),
                        key.organisationId(),
                        Es256.ALGORITHM,
                        key.validFrom(),
                        key.notAfter(),
                        key.retiredAt(),
                        current.map(c -> c.kid().equals(key.kid())).orElse(false)))
                .toList();
    }

    /**
     * Retires the current key and makes a new one. The old key stays published and keeps verifying
     * what it signed while it was valid.
     */
    @Transactional
    public SigningKeyView rotate(Actor actor, UUID organisationId) {
        OrganisationView organisation =
                directory.requireManageable(actor, organisationId, "directory.signing-key.rotate");
        if (organisation.suspended()) {
            throw new ProblemException(JwsDocumentSigning.SUSPENDED, "directory.problem.organisation-suspended");
        }
        SigningKeys.SigningKey created = rotate(organisationId);
        auditLog.record(
                actor, AuditEvent.of("directory.signing-key.rotated", "signing_key", created.kid(), organisationId));
        history.record(actor, organisationId, "signing-key.rotated", created.kid(), Map.of("kid", created.kid()));
        return keysOf(organisationId).stream()
                .filter(key -> key.kid().equals(created.kid()))
                .findFirst()
                .orElseThrow();
    }

    private SigningKeys.SigningKey rotate(UUID organisationId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        keys.retireCurrent(organisationId, now);
        return keys.generate(organisationId);
    }

    /**
     * The organisation's public keys as a JWK Set (RFC 7517), every key it ever had, with two
     * members of Ura's own per key: {@code ura_valid_from} and {@code ura_valid_until} (seconds
     * since the epoch), the span in which a signature's {@code iat} must lie; and per set
     * {@code ura_org} and {@code ura_suspensions}, the periods in which nothing it signed is valid.
     */
    @Transactional(readOnly = true)
    public Optional<Map<String, Object>> jwks(UUID organisationId) {
        if (directory.find(organisationId).isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, Object>> published = new ArrayList<>();
        for (SigningKeys.SigningKey key : keys.of(organisationId)) {
            Map<String, Object> jwk = new LinkedHashMap<>();
            jwk.put("kty", "EC");
            jwk.put("crv", Es256.CURVE);
            jwk.put("x", key.x());
            jwk.put("y", key.y());
            jwk.put("kid", key.kid());
            jwk.put("use", "sig");
            jwk.put("alg", Es256.ALGORITHM);
            jwk.put("ura_valid_from", key.validFrom().getEpochSecond());
            jwk.put("ura_valid_until", key.validUntil().getEpochSecond());
            published.add(jwk);
        }
        List<Map<String, Object>> suspensions = jdbc.sql(
                        "SELECT suspended_at, reinstated_at FROM organisation_suspension WHERE organisation_id = ?"
                                + " ORDER BY suspended_at")
                .param(organisationId)
                .query((rs, n) -> {
                    Map<String, Object> period = new LinkedHashMap<>();
                    period.put(
                            "from",
                            java.util.Objects.requireNonNull(OrganisationRepository.instant(rs, "suspended_at"))
                                    .getEpochSecond());
                    Instant until = OrganisationRepository.instant(rs, "reinstated_at");
                    if (until != null) {
                        period.put("until", until.getEpochSecond());
                    }
                    return period;
                })
                .list();
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("keys", published);
        set.put("ura_org", organisationId.toString());
        set.put("ura_suspensions", suspensions);
        return Optional.of(set);
    }

    /** A key for every organisation that has none, and a fresh one for keys near their end. */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "${ura.directory.key-renewal-cron:0 17 3 * * *}")
    public void maintainKeys() {
        locks.runExclusively("directory-signing-keys", Duration.ofMinutes(10), this::renew);
    }

    void renew() {
        for (UUID organisation : keys.organisationsWithoutKey()) {
            transaction.executeWithoutResult(status -> {
                keys.generate(organisation);
                auditLog.record(
                        Actor.SYSTEM,
                        AuditEvent.of("directory.signing-key.created", "organisation", organisation, organisation));
            });
            log.info("Created the first signing key of organisation {}", organisation);
        }
        Instant now = clock.instant();
        List<UUID> expiring = jdbc.sql("SELECT DISTINCT k.organisation_id FROM signing_key k JOIN organisation o"
                        + " ON o.id = k.organisation_id WHERE o.status = 'ACTIVE' AND k.retired_at IS NULL"
                        + " AND k.not_after > ? AND k.not_after <= ? AND NOT EXISTS (SELECT 1 FROM signing_key n"
                        + " WHERE n.organisation_id = k.organisation_id AND n.not_after > ?)")
                .params(
                        OrganisationRepository.utc(now),
                        OrganisationRepository.utc(now.plus(RENEW_BEFORE)),
                        OrganisationRepository.utc(now.plus(RENEW_BEFORE)))
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .list();
        for (UUID organisation : expiring) {
            transaction.executeWithoutResult(status -> {
                SigningKeys.SigningKey created = rotate(organisation);
                auditLog.record(
                        Actor.SYSTEM,
                        AuditEvent.of("directory.signing-key.rotated", "signing_key", created.kid(), organisation)
                                .with("reason", "renewal"));
                history.record(
                        Actor.SYSTEM,
                        organisation,
                        "signing-key.rotated",
                        created.kid(),
                        Map.of("kid", created.kid(), "reason", "renewal"));
            });
        }
    }
}
