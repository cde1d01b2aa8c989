package al.ura.requests;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.kernel.Actor;
import al.ura.kernel.FileStore;
import al.ura.kernel.StoredFile;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files attached to a request: the requester's orders and warrants while it is a draft (the
 * signature covers their SHA-256), and the provider's answer files. Every download is audited.
 */
@Service
public class RequestAttachments {

    static final long MAX_BYTES = 20L * 1024 * 1024;
    static final Set<String> ALLOWED = Set.of(
            "application/pdf",
            "image/png",
            "image/jpeg",
            "text/plain",
            "text/csv",
            "application/json",
            "application/zip",
            "application/octet-stream");

    private final JdbcClient jdbc;
    private final FileStore files;
    private final RequestAccess access;
    private final AuditLog auditLog;
    private final Clock clock;

    RequestAttachments(JdbcClient jdbc, FileStore files, RequestAccess access, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.files = files;
        this.access = access;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** An attachment as its readers see it. */
    public record AttachmentView(
            UUID fileId, String purpose, String name, String contentType, long size, String sha256, Instant addedAt) {}

    /** Attaches a file: an order or warrant to a draft (requester), or an answer file (provider, before answering). */
    @Transactional
    @SuppressWarnings("NullAway") // SQL NULL is a value here
    public AttachmentView attach(Actor actor, UUID requestId, InputStream content, String name) {
        RequestAccess.Access found = access.require(actor, requestId, "requests.attachment.create");
        RequestView request = found.request();
        String purpose;
        if (found.side() == RequestAccess.Side.REQUESTER) {
            if (!actor.has(RequestPermissions.DRAFT) || request.status() != RequestStatus.DRAFT) {
                auditLog.denied(
                        actor,
                        AuditEvent.of("requests.attachment.create", "legal_request", requestId, request.requesterId()));
                throw LegalRequests.conflict("requests.problem.attach-draft-only");
            }
            purpose = "ORDER";
        } else {
            if (!request.status().open()) {
                throw LegalRequests.conflict("requests.problem.attach-open-only");
            }
            purpose = "ANSWER";
        }
        StoredFile stored = files.store(content, name, MAX_BYTES, ALLOWED, "file");
        Instant now = clock.instant();
        jdbc.sql(
                        "INSERT INTO request_attachment (request_id, file_id, purpose, added_by, added_at) VALUES (?, ?, ?, ?, ?)")
                .params(requestId, stored.id(), purpose, actor.userId(), RequestRepository.utc(now))
                .update();
        auditLog.record(
                actor,
                AuditEvent.of("requests.attachment.created", "legal_request", requestId, actor.organisationId())
                        .with("file", stored.id())
                        .with("purpose", purpose)
                        .with("sha256", stored.sha256()));
        return new AttachmentView(
                stored.id(),
                purpose,
                stored.originalName(),
                stored.contentType(),
                stored.sizeBytes(),
                stored.sha256(),
                now);
    }

    @Transactional(readOnly = true)
    public List<AttachmentView> list(Actor actor, UUID requestId) {
        return visible(access.require(actor, requestId, "requests.attachment.list"), requestId);
    }

    /** The requester sees the provider's answer files once it has answered; the provider sees them all. */
    private List<AttachmentView> visible(RequestAccess.Access found, UUID requestId) {
        return list(requestId).stream()
                .filter(a -> a.purpose().equals("ORDER")
                        || found.side() == RequestAccess.Side.PROVIDER
                        || found.request().answeredAt() != null)
                .toList();
    }

    @SuppressWarnings("NullAway") // added_at is never null
    List<AttachmentView> list(UUID requestId) {
        return jdbc.sql(
                        "SELECT a.file_id, a.purpose, f.original_name, f.content_type, f.size_bytes, f.sha256, a.added_at"
                                + " FROM request_attachment a JOIN stored_file f ON f.id = a.file_id WHERE a.request_id = ?"
                                + " ORDER BY a.added_at, a.file_id")
                .param(requestId)
                .query((rs, n) -> new AttachmentView(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getString(6),
                        RequestRepository.instant(rs, "added_at")))
                .list();
    }

    /** An attachment's bytes for a reader of the request; the download is in the ledger. */
    @Transactional
    public Download download(Actor actor, UUID requestId, UUID fileId) {
        AttachmentView attachment =
                visible(access.require(actor, requestId, "requests.attachment.read"), requestId).stream()
                        .filter(a -> a.fileId().equals(fileId))
                        .findFirst()
                        .orElseThrow(() -> access.deny(actor, requestId, "requests.attachment.read"));
        auditLog.record(
                actor,
                AuditEvent.of("requests.attachment.read", "legal_request", requestId, actor.organisationId())
                        .with("file", fileId));
        return new Download(attachment, files.open(fileId));
    }

    public record Download(AttachmentView attachment, InputStream content) {}

    List<CanonicalForms.AttachmentDigest> digests(UUID requestId, String purpose) {
        return list(requestId).stream()
                .filter(a -> a.purpose().equals(purpose))
                .map(a -> new CanonicalForms.AttachmentDigest(a.fileId().toString(), a.purpose(), a.sha256()))
                .toList();
    }

    @Nullable
    String sha256(UUID requestId, UUID fileId) {
        return list(requestId).stream()
                .filter(a -> a.fileId().equals(fileId))
                .map(AttachmentView::sha256)
                .findFirst()
                .orElse(null);
    }
}
