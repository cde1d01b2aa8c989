package al.ura.directory;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.kernel.Actor;
import al.ura.kernel.FileStore;
import al.ura.kernel.ProblemException;
import al.ura.kernel.ProblemException.FieldProblem;
import al.ura.kernel.StoredFile;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an organisation publishes besides its profile: documents (files in the kernel's file store,
 * every download in the ledger), an optional logo, and its victim-support service fields.
 */
@Service
public class DirectoryFiles {

    static final long MAX_DOCUMENT_BYTES = 20L * 1024 * 1024;
    static final long MAX_LOGO_BYTES = 512L * 1024;
    static final Set<String> LOGO_TYPES = Set.of("image/png", "image/jpeg");

    /** A document's bytes to send, after the reader's right was checked and the download recorded. */
    public record Download(DocumentView document, InputStream content) {}

    private final JdbcClient jdbc;
    private final FileStore files;
    private final OrganisationDirectory directory;
    private final OrganisationRepository organisations;
    private final DirectoryReaders readers;
    private final ChangeHistory history;
    private final AuditLog auditLog;
    private final Clock clock;

    DirectoryFiles(
            JdbcClient jdbc,
            FileStore files,
            OrganisationDirectory directory,
            OrganisationRepository organisations,
            DirectoryReaders readers,
            ChangeHistory history,
            AuditLog auditLog,
            Clock clock) {
        this.jdbc = jdbc;
        this.files = files;
        this.directory = directory;
        this.organisations = organisations;
        this.readers = readers;
        this.history = history;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional
    @SuppressWarnings("NullAway") // SQL NULL is a value here
    public DocumentView publish(
            Actor actor,
            UUID organisationId,
            @Nullable String title,
            @Nullable String language,
            InputStream content,
            String fileName) {
        directory.requireManageable(actor, organisationId, "directory.document.publish");
        List<FieldProblem> problems = new ArrayList<>();
        String cleanTitle = Fields.required(title, "title", 200, problems);
        List<String> languages =
                Fields.languages(language == null ? null : List.of(language), "language", true, problems);
        if (!problems.isEmpty()) {
            throw ProblemException.validation(problems);
        }
        StoredFile file = files.store(content, fileName, MAX_DOCUMENT_BYTES, FileStore.DOCUMENTS, "file");
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO organisation_document (id, organisation_id, file_id, title, language, published_by,"
                        + " published_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        organisationId,
                        file.id(),
                        cleanTitle,
                        languages.getFirst(),
                        actor.userId(),
                        OrganisationRepository.utc(clock.instant()))
                .update();
        auditLog.record(
                actor,
                AuditEvent.of("directory.document.published", "organisation_document", id, organisationId)
                        .with("sha256", file.sha256()));
        history.record(
                actor,
                organisationId,
                "document.published",
                id,
                Map.of("title", cleanTitle, "file", file.originalName(), "sha256", file.sha256()));
        return document(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<DocumentView> documentsOf(UUID organisationId) {
        return jdbc.sql(DOCUMENT_QUERY + " WHERE d.organisation_id = ? AND d.removed_at IS NULL"
                        + " ORDER BY d.published_at DESC, d.id")
                .param(organisationId)
                .query((rs, n) -> document(rs))
                .list();
    }

    /** Anyone who may read the directory may download; each download is in the ledger. */
    @Transactional
    public Download download(Actor actor, UUID documentId) {
        Optional<DocumentView> found = document(documentId);
        readers.require(
                actor,
                "directory.document.download",
                "organisation_document",
                documentId,
                found.map(DocumentView::organisationId).orElse(null));
        DocumentView document = found.orElseThrow(ProblemException::notFound);
        UUID fileId = jdbc.sql("SELECT file_id FROM organisation_document WHERE id = ?")
                .param(documentId)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .single();
        auditLog.record(
                actor,
                AuditEvent.of(
                        "directory.document.downloaded",
                        "organisation_document",
                        documentId,
                        document.organisationId()));
        return new Download(document, files.open(fileId));
    }

    @Transactional
    public void withdraw(Actor actor, UUID documentId) {
        DocumentView document = document(documentId).orElseThrow(ProblemException::notFound);
        directory.requireManageable(actor, document.organisationId(), "directory.document.withdraw");
        jdbc.sql("UPDATE organisation_document SET removed_at = ? WHERE id = ?")
                .params(OrganisationRepository.utc(clock.instant()), documentId)
                .update();
        auditLog.record(
                actor,
                AuditEvent.of(
                        "directory.document.withdrawn",
                        "organisation_document",
                        documentId,
                        document.organisationId()));
        history.record(
                actor, document.organisationId(), "document.withdrawn", documentId, Map.of("title", document.title()));
    }

    @Transactional
    public OrganisationView setLogo(Actor actor, UUID organisationId, InputStream content, String fileName) {
        directory.requireManageable(actor, organisationId, "directory.logo.set");
        StoredFile file = files.store(content, fileName, MAX_LOGO_BYTES, LOGO_TYPES, "logo");
        organisations.setLogo(organisationId, file.id(), clock.instant());
        auditLog.record(
                actor,
                AuditEvent.of("directory.logo.set", "organisation", organisationId, organisationId)
                        .with("sha256", file.sha256()));
        history.record(actor, organisationId, "logo.set", organisationId, Map.of("sha256", file.sha256()));
        return organisations.find(organisationId).orElseThrow();
    }

    @Transactional
    public OrganisationView removeLogo(Actor actor, UUID organisationId) {
        directory.requireManageable(actor, organisationId, "directory.logo.remove");
        organisations.setLogo(organisationId, null, clock.instant());
        auditLog.record(actor, AuditEvent.of("directory.logo.removed", "organisation", organisationId, organisationId));
        history.record(actor, organisationId, "logo.removed", organisationId, Map.of());
        return organisations.find(organisationId).orElseThrow();
    }

    /** The logo's bytes and type: shown on pages to everyone who reads the directory, not audited as a download. */
    @Transactional(readOnly = true)
    public Optional<StoredFile> logo(UUID organisationId) {
        return organisations
                .find(organisationId)
                .map(OrganisationView::logoFileId)
                .flatMap(files::find);
    }

    public InputStream open(StoredFile file) {
        return files.open(file.id());
    }

    @Transactional(readOnly = true)
    public VictimSupport victimSupport(UUID organisationId) {
        return jdbc.sql("SELECT support_types, target_groups, trafficking_forms, locations, capacity_notes"
                        + " FROM victim_support WHERE organisation_id = ?")
                .param(organisationId)
                .query((rs, n) -> new VictimSupport(
                        organisationId,
                        codes(rs.getString(1), VictimSupport.SupportType.class),
                        codes(rs.getString(2), VictimSupport.TargetGroup.class),
                        codes(rs.getString(3), VictimSupport.TraffickingForm.class),
                        rs.getString(4).isBlank()
                                ? List.of()
                                : List.of(rs.getString(4).split("\n")),
                        rs.getString(5)))
                .optional()
                .orElse(new VictimSupport(organisationId, Set.of(), Set.of(), Set.of(), List.of(), ""));
    }

    @Transactional
    public VictimSupport saveVictimSupport(
            Actor actor,
            UUID organisationId,
            Set<VictimSupport.SupportType> supportTypes,
            Set<VictimSupport.TargetGroup> targetGroups,
            Set<VictimSupport.TraffickingForm> traffickingForms,
            @Nullable List<String> locations,
            @Nullable String capacityNotes) {
        directory.requireManageable(actor, organisationId, "directory.victim-support.update");
        List<FieldProblem> problems = new ArrayList<>();
        List<String> places = Fields.split(locations);
        if (places.size() > 50 || places.stream().anyMatch(p -> p.length() > 100)) {
            problems.add(FieldProblem.of("locations", "directory.validation.too-long", 100));
        }
        String notes = Fields.optional(capacityNotes, "capacityNotes", 2000, problems);
        if (!problems.isEmpty()) {
            throw ProblemException.validation(problems);
        }
        VictimSupport support = new VictimSupport(
                organisationId, supportTypes, targetGroups, traffickingForms, places, notes == null ? "" : notes);
        jdbc.sql("DELETE FROM victim_support WHERE organisation_id = ?")
                .param(organisationId)
                .update();
        jdbc.sql("INSERT INTO victim_support (organisation_id, support_types, target_groups, trafficking_forms,"
                        + " locations, capacity_notes, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        organisationId,
                        Fields.column(names(support.supportTypes())),
                        Fields.column(names(support.targetGroups())),
                        Fields.column(names(support.traffickingForms())),
                        String.join("\n", support.locations()),
                        support.capacityNotes(),
                        OrganisationRepository.utc(clock.instant()))
                .update();
        auditLog.record(
                actor,
                AuditEvent.of("directory.victim-support.updated", "organisation", organisationId, organisationId));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("supportTypes", String.join(" ", names(support.supportTypes())));
        fields.put("targetGroups", String.join(" ", names(support.targetGroups())));
        fields.put("traffickingForms", String.join(" ", names(support.traffickingForms())));
        fields.put("locations", String.join(", ", support.locations()));
        fields.put("capacityNotes", support.capacityNotes());
        history.record(actor, organisationId, "victim-support.updated", organisationId, fields);
        return victimSupport(organisationId);
    }

    private static <E extends Enum<E>> List<String> names(Set<E> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.toList());
    }

    private static <E extends Enum<E>> Set<E> codes(String column, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        for (String code : Fields.fromColumn(column)) {
            set.add(Enum.valueOf(type, code));
        }
        return set;
    }

    private static final String DOCUMENT_QUERY = "SELECT d.id, d.organisation_id, d.title, d.language, f.original_name,"
            + " f.content_type, f.size_bytes, f.sha256, d.published_at FROM organisation_document d"
            + " JOIN stored_file f ON f.id = d.file_id";

    private Optional<DocumentView> document(UUID id) {
        return jdbc.sql(DOCUMENT_QUERY + " WHERE d.id = ? AND d.removed_at IS NULL")
                .param(id)
                .query((rs, n) -> document(rs))
                .optional();
    }

    private static DocumentView document(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new DocumentView(
                rs.getObject("id", UUID.class),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("title"),
                rs.getString("language"),
                rs.getString("original_name"),
                rs.getString("content_type"),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                java.util.Objects.requireNonNull(OrganisationRepository.instant(rs, "published_at")));
    }
}
