package al.ura.audit;

import al.ura.kernel.Actor;
import al.ura.kernel.CursorPage;
import al.ura.kernel.Cursors;
import al.ura.kernel.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading, verifying and exporting the ledger, with the reader's permission checked here. */
@Service
public class AuditService {

    static final int EXPORT_MAX = 100_000;
    private static final Duration EXPORT_MAX_RANGE = Duration.ofDays(366);

    private final AuditRepository repository;
    private final AuditVerifier verifier;
    private final AuditSealer sealer;
    private final AuditLog auditLog;
    private final Clock clock;

    AuditService(
            AuditRepository repository, AuditVerifier verifier, AuditSealer sealer, AuditLog auditLog, Clock clock) {
        this.repository = repository;
        this.verifier = verifier;
        this.sealer = sealer;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Filters a reader may set; the organisation scope is not one of them, it follows from the reader. */
    public record Query(
            @Nullable String action,
            @Nullable String objectType,
            @Nullable String objectId,
            @Nullable Instant from,
            @Nullable Instant to) {

        public static Query all() {
            return new Query(null, null, null, null, null);
        }
    }

    @Transactional
    public CursorPage<AuditEntryView> entries(Actor reader, Query query, @Nullable String cursor, int limit) {
        UUID scope = scopeOf(reader, "audit.ledger.list");
        Long before = cursor == null ? null : parseCursor(cursor);
        List<AuditEntryView> rows = repository.list(
                new AuditRepository.EntryFilter(
                        scope, query.action(), query.objectType(), query.objectId(), query.from(), query.to(), before),
                limit + 1);
        auditLog.record(reader, AuditEvent.of("audit.ledger.read", "audit_ledger", null, scope));
        return CursorPage.of(rows, limit, row -> Cursors.encode(Long.toString(row.id())));
    }

    /** Recomputes the chain; first seals what is pending so the answer covers everything committed. */
    public AuditVerification verify(Actor reader) {
        requireAll(reader, "audit.ledger.verify");
        sealer.sealAll();
        AuditVerification result = verifier.verify();
        auditLog.record(
                reader,
                AuditEvent.of("audit.ledger.verified", "audit_ledger", null, null)
                        .with("valid", result.valid())
                        .with("entriesChecked", result.entriesChecked()));
        return result;
    }

    /** Verification for the command line and jobs, without a reader. */
    public AuditVerification verifyAsSystem() {
        sealer.sealAll();
        return verifier.verify();
    }

    @Transactional
    public AuditExport export(Actor reader, Instant from, Instant to) {
        UUID scope = scopeOf(reader, "audit.ledger.export");
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(EXPORT_MAX_RANGE) > 0) {
            throw ProblemException.validation(
                    List.of(ProblemException.FieldProblem.of("to", "validation.audit.range")));
        }
        sealer.sealAll();
        List<AuditEntryView> rows;
        if (scope == null) {
            rows = repository.sealedInRange(from, to, EXPORT_MAX + 1);
        } else {
            rows =
                    repository
                            .list(
                                    new AuditRepository.EntryFilter(scope, null, null, null, from, to, null),
                                    EXPORT_MAX + 1)
                            .stream()
                            .filter(row -> row.sequence() != null)
                            .sorted(java.util.Comparator.comparing(AuditEntryView::sequence))
                            .toList();
        }
        boolean truncated = rows.size() > EXPORT_MAX;
        List<AuditExport.Entry> entries = rows.stream()
                .limit(EXPORT_MAX)
                .map(row -> new AuditExport.Entry(
                        requireSequence(row),
                        row.id(),
                        row.recordedAt(),
                        ChainHash.epochMicros(row.recordedAt()),
                        row.actorKind(),
                        row.actorUserId(),
                        row.actorOrganisationId(),
                        row.action(),
                        row.objectType(),
                        row.objectId(),
                        row.subjectOrganisationId(),
                        row.outcome().name(),
                        ChainHash.detailsJson(row.details()),
                        requireText(row.previousHash()),
                        requireText(row.hash())))
                .toList();
        auditLog.record(
                reader,
                AuditEvent.of("audit.ledger.exported", "audit_ledger", null, scope)
                        .with("from", from)
                        .with("to", to)
                        .with("entries", entries.size()));
        AuditExport.Entry first = entries.isEmpty() ? null : entries.getFirst();
        return new AuditExport(
                AuditExport.FORMAT,
                ChainHash.ALGORITHM,
                from,
                to,
                scope == null,
                first == null ? null : first.sequence() - 1,
                first == null ? null : first.previousHash(),
                entries,
                truncated);
    }

    public AuditVerification verifyExport(AuditExport export) {
        return export.verifyOffline(clock.instant());
    }

    /** Null for readers of the whole ledger, their organisation for readers of their own entries. */
    private @Nullable UUID scopeOf(Actor reader, String action) {
        if (reader.has(AuditPermissions.READ_ALL)) {
            return null;
        }
        if (reader.has(AuditPermissions.READ_OWN) && reader.organisationId() != null) {
            return reader.organisationId();
        }
        auditLog.denied(reader, AuditEvent.of(action, "audit_ledger", null, reader.organisationId()));
        throw ProblemException.forbidden();
    }

    private void requireAll(Actor reader, String action) {
        if (!reader.has(AuditPermissions.READ_ALL)) {
            auditLog.denied(reader, AuditEvent.of(action, "audit_ledger", null, reader.organisationId()));
            throw ProblemException.forbidden();
        }
    }

    private static long parseCursor(String cursor) {
        try {
            return Long.parseLong(Cursors.decode(cursor, 1).getFirst());
        } catch (NumberFormatException e) {
            throw ProblemException.validation(List.of(ProblemException.FieldProblem.of("cursor", "validation.cursor")));
        }
    }

    private static long requireSequence(AuditEntryView row) {
        Long sequence = row.sequence();
        if (sequence == null) {
            throw new IllegalStateException("export includes only sealed entries");
        }
        return sequence;
    }

    private static String requireText(@Nullable String value) {
        if (value == null) {
            throw new IllegalStateException("sealed entry without hash");
        }
        return value;
    }
}
