package al.ura.requests;

import al.ura.directory.DataCategory;
import al.ura.directory.DataItem;
import al.ura.kernel.CursorPage;
import al.ura.kernel.Cursors;
import al.ura.kernel.MultiRowInsert;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The requests' tables, in explicit SQL. Callers scope reads by organisation; this class never decides who may read. */
@Repository
class RequestRepository {

    static final String COLUMNS = "r.id, r.reference, r.request_type, r.status, r.requester_org_id, r.file_number,"
            + " r.requesting_unit, r.officer_id, r.officer_name, r.officer_phone, r.officer_email, r.authoriser_id,"
            + " r.legal_provision_id, r.legal_basis_note, r.provider_org_id, r.service_id, r.offence, r.summary,"
            + " r.relevance, r.priority, r.emergency, r.emergency_justification, r.confidential, r.confidential_until,"
            + " r.requested_deadline, r.preservation_request_id, r.oral_request_id, r.created_at, r.submitted_at,"
            + " r.received_at, r.acknowledged_at, r.answered_at, r.closed_at, r.withdrawn_at, r.acknowledge_due_at,"
            + " r.answer_due_at, r.reason_code, r.reason_text, r.preservation_state, r.preservation_expires_at,"
            + " r.preservation_extensions, r.signature_key_id, r.signed_at, r.version, r.draft";
    private static final String SUMMARY_COLUMNS = "r.id, r.reference, r.request_type, r.status, r.priority,"
            + " r.emergency, r.requester_org_id, r.provider_org_id, r.requesting_unit, r.file_number, r.created_at,"
            + " r.submitted_at, r.answer_due_at, r.acknowledged_at, r.acknowledge_due_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonMapper json;

    RequestRepository(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    /** In UTC and to the microsecond, as both databases keep it (H2 would round, not cut, a finer time). */
    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    static @Nullable OffsetDateTime utcOrNull(@Nullable Instant instant) {
        return instant == null ? null : utc(instant);
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    long nextNumber() {
        Long next = jdbc.sql("SELECT NEXTVAL('legal_request_number')")
                .query(Long.class)
                .single();
        return next == null ? 0 : next;
    }

    @SuppressWarnings("NullAway") // SQL NULL is a value here
    void insertDraft(UUID id, String reference, UUID requesterId, UUID officerId, DraftCommand draft, Instant now) {
        // A draft may name a provider that is not in the directory: the column keeps only one that is.
        jdbc.sql("INSERT INTO legal_request (id, reference, request_type, status, requester_org_id, officer_id,"
                        + " provider_org_id, priority, emergency, confidential, created_at, updated_at, draft,"
                        + " file_number, requesting_unit, officer_name, oral_request_id)"
                        + " VALUES (?, ?, ?, 'DRAFT', ?, ?, (SELECT id FROM organisation WHERE id = ?), ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?)")
                .params(
                        id,
                        reference,
                        (draft.type() == null ? RequestType.DISCLOSURE : draft.type()).name(),
                        requesterId,
                        officerId,
                        draft.providerId(),
                        (draft.priority() == null ? Priority.NORMAL : draft.priority()).name(),
                        draft.emergency() || draft.type() == RequestType.EMERGENCY_DISCLOSURE,
                        draft.confidential(),
                        utc(now),
                        utc(now),
                        json.writeValueAsString(draft),
                        clip(draft.fileNumber(), 100),
                        clip(draft.requestingUnit(), 200),
                        clip(draft.officerName(), 200),
                        draft.oralRequestId())
                .update();
    }

    /** Replaces what a draft holds; false when it is no longer a draft or someone saved it in between. */
    @SuppressWarnings("NullAway") // SQL NULL is a value here
    boolean updateDraft(UUID id, DraftCommand draft, int version, Instant now) {
        return jdbc.sql("UPDATE legal_request SET draft = ?, request_type = ?,"
                                + " provider_org_id = (SELECT id FROM organisation WHERE id = ?), priority = ?,"
                                + " emergency = ?, confidential = ?, file_number = ?, requesting_unit = ?,"
                                + " officer_name = ?, oral_request_id = ?, updated_at = ?, version = version + 1"
                                + " WHERE id = ? AND status = 'DRAFT' AND version = ?")
                        .params(
                                json.writeValueAsString(draft),
                                (draft.type() == null ? RequestType.DISCLOSURE : draft.type()).name(),
                                draft.providerId(),
                                (draft.priority() == null ? Priority.NORMAL : draft.priority()).name(),
                                draft.emergency() || draft.type() == RequestType.EMERGENCY_DISCLOSURE,
                                draft.confidential(),
                                clip(draft.fileNumber(), 100),
                                clip(draft.requestingUnit(), 200),
                                clip(draft.officerName(), 200),
                                draft.oralRequestId(),
                                utc(now),
                                id,
                                version)
                        .update()
                == 1;
    }

    /**
     * The columns a validated request writes over its draft's, in the order of {@link #validatedValues};
     * one list for the insert of a request sent at once and the update of a draft sent later.
     */
    private static final List<String> VALIDATED_COLUMNS = List.of(
            "request_type",
            "status",
            "file_number",
            "requesting_unit",
            "officer_name",
            "officer_phone",
            "officer_email",
            "legal_provision_id",
            "legal_basis_note",
            "provider_org_id",
            "service_id",
            "offence",
            "summary",
            "relevance",
            "priority",
            "emergency",
            "emergency_justification",
            "confidential",
            "confidential_until",
            "requested_deadline",
            "preservation_request_id",
            "oral_request_id",
            "retention_acknowledged",
            "data_categories",
            "updated_at");

    private static final String UPDATE_VALIDATED = "UPDATE legal_request SET "
            + VALIDATED_COLUMNS.stream().map(column -> column + " = ?").collect(Collectors.joining(", "))
            + ", version = version + 1 WHERE id = ? AND version = ? AND status IN ('DRAFT', 'AWAITING_AUTHORISATION')";

    private static final String INSERT_VALIDATED = "INSERT INTO legal_request (id, reference, requester_org_id,"
            + " officer_id, created_at, draft, " + String.join(", ", VALIDATED_COLUMNS) + ") VALUES (?, ?, ?, ?, ?, ?"
            + ", ?".repeat(VALIDATED_COLUMNS.size()) + ")";

    private static List<@Nullable Object> validatedValues(
            RequestValidator.ValidRequest valid, RequestStatus to, Instant now) {
        return Arrays.asList(
                valid.type().name(),
                to.name(),
                valid.fileNumber(),
                valid.requestingUnit(),
                valid.officerName(),
                valid.officerPhone(),
                valid.officerEmail(),
                valid.provision().id(),
                valid.legalBasisNote(),
                valid.provider().id(),
                valid.service().id(),
                valid.offence(),
                valid.summary(),
                valid.relevance(),
                valid.priority().name(),
                valid.emergency(),
                valid.emergencyJustification(),
                valid.confidential(),
                valid.confidentialUntil(),
                valid.requestedDeadline(),
                valid.preservationRequestId(),
                valid.oralRequestId(),
                valid.retentionAcknowledged(),
                dataCategories(valid.identifiers()),
                utc(now));
    }

    /**
     * Writes the validated request over the draft's columns and moves it on; false if it moved
     * meanwhile. {@code replacing}: the request has identifiers stored already (sent for
     * authorisation before, returned, sent again), which the validated ones replace.
     */
    @SuppressWarnings("NullAway") // SQL NULL is a value here
    boolean writeValidated(
            UUID id,
            int version,
            RequestValidator.ValidRequest valid,
            RequestStatus to,
            Instant now,
            boolean replacing) {
        List<@Nullable Object> values = new ArrayList<>(validatedValues(valid, to, now));
        values.add(id);
        values.add(version);
        if (jdbc.sql(UPDATE_VALIDATED).params(values).update() != 1) {
            return false;
        }
        if (replacing) {
            jdbc.sql("DELETE FROM request_identifier WHERE request_id = ?")
                    .param(id)
                    .update();
        }
        insertIdentifiers(id, valid.identifiers());
        return true;
    }

    /**
     * Stores a request that was valid when it was first saved, already moved on to {@code to}: one
     * row written once, with the draft it was made from (what authorising validates again).
     */
    @SuppressWarnings("NullAway") // SQL NULL is a value here
    void insertValidated(
            UUID id,
            String reference,
            UUID requesterId,
            UUID officerId,
            DraftCommand draft,
            RequestValidator.ValidRequest valid,
            RequestStatus to,
            Instant now) {
        List<@Nullable Object> values = new ArrayList<>(
                Arrays.asList(id, reference, requesterId, officerId, utc(now), json.writeValueAsString(draft)));
        values.addAll(validatedValues(valid, to, now));
        jdbc.sql(INSERT_VALIDATED).params(values).update();
        insertIdentifiers(id, valid.identifiers());
    }

    /** All of a request's identifiers in one statement. */
    private void insertIdentifiers(UUID id, List<RequestValidator.ValidIdentifier> identifiers) {
        MultiRowInsert.insert(
                batch,
                "INSERT INTO request_identifier (request_id, position, kind, identifier, normalised, source_port,"
                        + " observed_at, observed_zone, data_category, data_items, range_from, range_to)",
                12,
                identifiers,
                identifier -> List.of(
                        id,
                        identifier.position(),
                        identifier.kind().name(),
                        identifier.value(),
                        identifier.normalised(),
                        new SqlParameterValue(Types.INTEGER, identifier.sourcePort()),
                        new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, utcOrNull(identifier.observedAt())),
                        new SqlParameterValue(Types.VARCHAR, identifier.observedZone()),
                        identifier.category().name(),
                        identifier.items().stream().map(Enum::name).collect(Collectors.joining(" ")),
                        utc(identifier.from()),
                        utc(identifier.to())));
    }

    /** The categories the identifiers ask for as {@code ' A B '}, sorted; what the statistics count requests by. */
    static @Nullable String dataCategories(List<RequestValidator.ValidIdentifier> identifiers) {
        if (identifiers.isEmpty()) {
            return null;
        }
        return identifiers.stream()
                .map(identifier -> identifier.category().name())
                .sorted()
                .distinct()
                .collect(Collectors.joining(" ", " ", " "));
    }

    /**
     * Moves a request from one of {@code from} to {@code to}, setting the named columns too; false
     * when it was in none of them (another person moved it first).
     */
    @SuppressWarnings("NullAway") // SQL NULL is a value here
    boolean move(UUID id, Set<RequestStatus> from, RequestStatus to, Instant now, Map<String, @Nullable Object> set) {
        return move(id, null, from, to, now, set);
    }

    /** Moves the request on only if it is still at {@code version} (when given) and in one of {@code from}. */
    @SuppressWarnings("NullAway") // SQL NULL is a value here
    boolean move(
            UUID id,
            @Nullable Integer version,
            Set<RequestStatus> from,
            RequestStatus to,
            Instant now,
            Map<String, @Nullable Object> set) {
        StringBuilder sql =
                new StringBuilder("UPDATE legal_request SET status = :to, updated_at = :now, version = version + 1");
        set.keySet()
                .forEach(
                        column -> sql.append(", ").append(column).append(" = :").append(column));
        sql.append(" WHERE id = :id AND status IN (:from)");
        if (version != null) {
            sql.append(" AND version = :version");
        }
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
                .param("to", to.name())
                .param("now", utc(now))
                .param("id", id)
                .param("from", from.stream().map(Enum::name).toList());
        if (version != null) {
            statement = statement.param("version", version);
        }
        for (Map.Entry<String, @Nullable Object> column : set.entrySet()) {
            Object value = column.getValue() instanceof Instant instant ? utc(instant) : column.getValue();
            statement = statement.param(column.getKey(), value);
        }
        return statement.update() == 1;
    }

    /** Sets columns without a change of status (preservation, deadlines). */
    @SuppressWarnings("NullAway") // SQL NULL is a value here
    void set(UUID id, Instant now, Map<String, @Nullable Object> set) {
        StringBuilder sql = new StringBuilder("UPDATE legal_request SET updated_at = :now, version = version + 1");
        set.keySet()
                .forEach(
                        column -> sql.append(", ").append(column).append(" = :").append(column));
        sql.append(" WHERE id = :id");
        JdbcClient.StatementSpec statement =
                jdbc.sql(sql.toString()).param("now", utc(now)).param("id", id);
        for (Map.Entry<String, @Nullable Object> column : set.entrySet()) {
            Object value = column.getValue() instanceof Instant instant ? utc(instant) : column.getValue();
            statement = statement.param(column.getKey(), value);
        }
        statement.update();
    }

    static Map<String, @Nullable Object> columns(Object... pairs) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    Optional<RequestView> find(UUID id, Instant now) {
        return one(
                jdbc.sql(WITH_IDENTIFIERS + " WHERE r.id = ? ORDER BY i.position")
                        .param(id),
                now);
    }

    /**
     * A request as one organisation may see it: its own (as requester), or one addressed to it that
     * has been sent. The organisation scope is in the query, not only in the caller.
     */
    Optional<RequestView> findVisible(UUID id, UUID organisationId, Instant now) {
        return one(
                jdbc.sql(WITH_IDENTIFIERS + " WHERE r.id = :id AND (r.requester_org_id = :org"
                                + " OR (r.provider_org_id = :org AND r.submitted_at IS NOT NULL)) ORDER BY i.position")
                        .param("id", id)
                        .param("org", organisationId),
                now);
    }

    Optional<RequestView> findByReference(String reference, Instant now) {
        return one(
                jdbc.sql(WITH_IDENTIFIERS + " WHERE r.reference = ? ORDER BY i.position")
                        .param(reference),
                now);
    }

    /** The request and its identifiers in one round trip: a row per identifier (one for none). */
    private Optional<RequestView> one(JdbcClient.StatementSpec statement, Instant now) {
        List<RequestView.IdentifierView> identifiers = new ArrayList<>();
        RequestView[] view = new RequestView[1];
        statement.query(rs -> {
            if (view[0] == null) {
                view[0] = map(rs, now);
            }
            if (rs.getObject("i_position") != null) {
                identifiers.add(identifier(rs));
            }
        });
        return Optional.ofNullable(view[0]).map(found -> withIdentifiers(found, identifiers));
    }

    private static final String WITH_IDENTIFIERS = "SELECT " + COLUMNS + ", i.position AS i_position, i.kind AS"
            + " i_kind, i.identifier AS i_identifier, i.normalised AS i_normalised, i.source_port AS i_source_port,"
            + " i.observed_at AS i_observed_at, i.observed_zone AS i_observed_zone, i.data_category AS"
            + " i_data_category, i.data_items AS i_data_items, i.range_from AS i_range_from, i.range_to AS i_range_to"
            + " FROM legal_request r LEFT JOIN request_identifier i ON i.request_id = r.id";

    private static RequestView.IdentifierView identifier(ResultSet rs) throws SQLException {
        return new RequestView.IdentifierView(
                rs.getInt("i_position"),
                IdentifierKind.valueOf(rs.getString("i_kind")),
                rs.getString("i_identifier"),
                rs.getString("i_normalised"),
                (Integer) rs.getObject("i_source_port"),
                instant(rs, "i_observed_at"),
                rs.getString("i_observed_zone"),
                DataCategory.valueOf(rs.getString("i_data_category")),
                Arrays.stream(rs.getString("i_data_items").split(" "))
                        .filter(s -> !s.isEmpty())
                        .map(DataItem::valueOf)
                        .toList(),
                instant(rs, "i_range_from"),
                instant(rs, "i_range_to"));
    }

    private static RequestView withIdentifiers(RequestView view, List<RequestView.IdentifierView> identifiers) {
        return new RequestView(
                view.id(),
                view.reference(),
                view.type(),
                view.status(),
                view.requesterId(),
                view.fileNumber(),
                view.requestingUnit(),
                view.officerId(),
                view.officerName(),
                view.officerPhone(),
                view.officerEmail(),
                view.authoriserId(),
                view.legalProvisionId(),
                view.legalBasisNote(),
                view.providerId(),
                view.serviceId(),
                identifiers,
                view.offence(),
                view.summary(),
                view.relevance(),
                view.priority(),
                view.emergency(),
                view.emergencyJustification(),
                view.confidential(),
                view.confidentialUntil(),
                view.requestedDeadline(),
                view.preservationRequestId(),
                view.oralRequestId(),
                view.createdAt(),
                view.submittedAt(),
                view.receivedAt(),
                view.acknowledgedAt(),
                view.answeredAt(),
                view.closedAt(),
                view.withdrawnAt(),
                view.acknowledgeDueAt(),
                view.answerDueAt(),
                view.overdue(),
                view.reason(),
                view.reasonText(),
                view.preservationState(),
                view.preservationExpiresAt(),
                view.preservationExtensions(),
                view.signatureKeyId(),
                view.signedAt(),
                view.version(),
                view.draft());
    }

    @SuppressWarnings("NullAway") // SQL NULL is a value here
    private RequestView map(ResultSet rs, Instant now) throws SQLException {
        RequestStatus status = RequestStatus.valueOf(rs.getString("status"));
        String draft = rs.getString("draft");
        String reason = rs.getString("reason_code");
        String preservation = rs.getString("preservation_state");
        Instant acknowledgeDue = instant(rs, "acknowledge_due_at");
        Instant answerDue = instant(rs, "answer_due_at");
        Instant acknowledged = instant(rs, "acknowledged_at");
        return new RequestView(
                rs.getObject("id", UUID.class),
                rs.getString("reference"),
                RequestType.valueOf(rs.getString("request_type")),
                status,
                rs.getObject("requester_org_id", UUID.class),
                rs.getString("file_number"),
                rs.getString("requesting_unit"),
                rs.getObject("officer_id", UUID.class),
                rs.getString("officer_name"),
                rs.getString("officer_phone"),
                rs.getString("officer_email"),
                rs.getObject("authoriser_id", UUID.class),
                rs.getObject("legal_provision_id", UUID.class),
                rs.getString("legal_basis_note"),
                rs.getObject("provider_org_id", UUID.class),
                rs.getObject("service_id", UUID.class),
                List.of(),
                rs.getString("offence"),
                rs.getString("summary"),
                rs.getString("relevance"),
                Priority.valueOf(rs.getString("priority")),
                rs.getBoolean("emergency"),
                rs.getString("emergency_justification"),
                rs.getBoolean("confidential"),
                rs.getObject("confidential_until", LocalDate.class),
                rs.getObject("requested_deadline", LocalDate.class),
                rs.getObject("preservation_request_id", UUID.class),
                rs.getObject("oral_request_id", UUID.class),
                instant(rs, "created_at"),
                instant(rs, "submitted_at"),
                instant(rs, "received_at"),
                acknowledged,
                instant(rs, "answered_at"),
                instant(rs, "closed_at"),
                instant(rs, "withdrawn_at"),
                acknowledgeDue,
                answerDue,
                overdue(status, now, acknowledged, acknowledgeDue, answerDue),
                reason == null ? null : RefusalReason.valueOf(reason),
                rs.getString("reason_text"),
                preservation == null ? null : PreservationState.valueOf(preservation),
                instant(rs, "preservation_expires_at"),
                rs.getInt("preservation_extensions"),
                rs.getString("signature_key_id"),
                instant(rs, "signed_at"),
                rs.getInt("version"),
                draft == null ? null : json.readValue(draft, DraftCommand.class));
    }

    static boolean overdue(
            RequestStatus status,
            Instant now,
            @Nullable Instant acknowledged,
            @Nullable Instant acknowledgeDue,
            @Nullable Instant answerDue) {
        if (!status.open()) {
            return false;
        }
        if (answerDue != null && now.isAfter(answerDue)) {
            return true;
        }
        return acknowledged == null && acknowledgeDue != null && now.isAfter(acknowledgeDue);
    }

    /** What a queue can be narrowed to. */
    record Filter(
            @Nullable Set<RequestStatus> statuses,
            @Nullable Priority priority,
            @Nullable Boolean emergency,
            boolean overdueOnly,
            @Nullable String reference) {

        static Filter none() {
            return new Filter(null, null, null, false, null);
        }
    }

    /** The provider's inbox: sent requests addressed to it, newest first, keyset-paged by (submitted_at, id). */
    CursorPage<RequestSummary> inbox(UUID providerId, Filter filter, @Nullable String cursor, int limit, Instant now) {
        return page(
                "r.provider_org_id = :org AND r.submitted_at IS NOT NULL",
                "submitted_at",
                providerId,
                filter,
                cursor,
                limit,
                now);
    }

    /** The requester's own requests, newest first, keyset-paged by (created_at, id). */
    CursorPage<RequestSummary> outbox(
            UUID requesterId, Filter filter, @Nullable String cursor, int limit, Instant now) {
        return page("r.requester_org_id = :org", "created_at", requesterId, filter, cursor, limit, now);
    }

    private CursorPage<RequestSummary> page(
            String scope,
            String orderColumn,
            UUID organisationId,
            Filter filter,
            @Nullable String cursor,
            int limit,
            Instant now) {
        StringBuilder sql = new StringBuilder("SELECT " + SUMMARY_COLUMNS + " FROM legal_request r WHERE " + scope);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("org", organisationId);
        // Statuses, priority and the emergency flag are written into the SQL as literals (enum
        // names only, never user text): the planner then knows how rare they are. As parameters,
        // PostgreSQL soon plans the statement once for any value (a generic plan) and walks all the
        // provider's requests newest first to find a few open emergencies.
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            sql.append(" AND r.status IN (").append(literals(filter.statuses())).append(")");
        }
        if (filter.priority() != null) {
            sql.append(" AND r.priority = '").append(filter.priority().name()).append("'");
        }
        if (filter.emergency() != null) {
            sql.append(" AND r.emergency = ").append(filter.emergency() ? "TRUE" : "FALSE");
        }
        if (filter.reference() != null && !filter.reference().isBlank()) {
            sql.append(" AND (r.reference = :reference OR r.file_number = :reference)");
            params.put("reference", filter.reference().trim());
        }
        if (filter.overdueOnly()) {
            sql.append(" AND r.status IN (")
                    .append(literals(RequestStatus.OPEN))
                    .append(
                            ") AND (r.answer_due_at < :now OR (r.acknowledged_at IS NULL AND r.acknowledge_due_at < :now))");
            params.put("now", utc(now));
        }
        if (cursor != null) {
            List<String> keys = Cursors.decode(cursor, 2);
            try {
                params.put("cursorAt", utc(Instant.parse(keys.get(0))));
                params.put("cursorId", UUID.fromString(keys.get(1)));
            } catch (RuntimeException malformed) {
                throw al.ura.kernel.ProblemException.validation(
                        List.of(al.ura.kernel.ProblemException.FieldProblem.of("cursor", "validation.cursor")));
            }
            // The first condition bounds the index range; the second alone would make it a filter.
            sql.append(" AND r.")
                    .append(orderColumn)
                    .append(" <= :cursorAt AND (r.")
                    .append(orderColumn)
                    .append(" < :cursorAt OR r.id < :cursorId)");
        }
        sql.append(" ORDER BY r.")
                .append(orderColumn)
                .append(" DESC, r.id DESC FETCH FIRST ")
                .append(limit + 1)
                .append(" ROWS ONLY");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString());
        for (Map.Entry<String, Object> param : params.entrySet()) {
            statement = statement.param(param.getKey(), param.getValue());
        }
        List<RequestSummary> rows = statement.query((rs, n) -> summary(rs, now)).list();
        return CursorPage.of(
                rows,
                limit,
                row -> Cursors.encode(
                        String.valueOf(orderColumn.equals("submitted_at") ? row.submittedAt() : row.createdAt()),
                        row.id().toString()));
    }

    private static String literals(Set<RequestStatus> statuses) {
        return statuses.stream()
                .map(status -> "'" + status.name() + "'")
                .sorted()
                .collect(Collectors.joining(", "));
    }

    @SuppressWarnings("NullAway") // the row's creation time is never null
    private static RequestSummary summary(ResultSet rs, Instant now) throws SQLException {
        RequestStatus status = RequestStatus.valueOf(rs.getString("status"));
        Instant answerDue = instant(rs, "answer_due_at");
        return new RequestSummary(
                rs.getObject("id", UUID.class),
                rs.getString("reference"),
                RequestType.valueOf(rs.getString("request_type")),
                status,
                Priority.valueOf(rs.getString("priority")),
                rs.getBoolean("emergency"),
                rs.getObject("requester_org_id", UUID.class),
                rs.getObject("provider_org_id", UUID.class),
                rs.getString("requesting_unit"),
                rs.getString("file_number"),
                instant(rs, "created_at"),
                instant(rs, "submitted_at"),
                answerDue,
                overdue(status, now, instant(rs, "acknowledged_at"), instant(rs, "acknowledge_due_at"), answerDue));
    }

    @SuppressWarnings("NullAway") // SQL NULL is a value here
    void event(
            UUID requestId,
            Instant at,
            @Nullable UUID actorId,
            @Nullable UUID actorOrg,
            String kind,
            @Nullable RequestStatus from,
            @Nullable RequestStatus to,
            @Nullable String note) {
        events(List.of(new NewEvent(requestId, at, actorId, actorOrg, kind, from, to, note)));
    }

    /** An entry of a request's history, to be stored. */
    record NewEvent(
            UUID requestId,
            Instant at,
            @Nullable UUID actorId,
            @Nullable UUID actorOrg,
            String kind,
            @Nullable RequestStatus from,
            @Nullable RequestStatus to,
            @Nullable String note) {}

    /** Several history entries in one statement. */
    void events(List<NewEvent> events) {
        MultiRowInsert.insert(
                batch,
                "INSERT INTO request_event (id, request_id, at, actor_id, actor_org_id, kind, from_status, to_status,"
                        + " note)",
                9,
                events,
                event -> Arrays.asList(
                        UUID.randomUUID(),
                        event.requestId(),
                        utc(event.at()),
                        event.actorId(),
                        event.actorOrg(),
                        event.kind(),
                        event.from() == null ? null : event.from().name(),
                        event.to() == null ? null : event.to().name(),
                        event.note()));
    }

    /** A request's history, oldest first. */
    record EventView(
            Instant at,
            @Nullable UUID actorId,
            @Nullable UUID actorOrganisationId,
            String kind,
            @Nullable RequestStatus from,
            @Nullable RequestStatus to,
            @Nullable String note) {}

    @SuppressWarnings("NullAway") // the event's time is never null
    List<EventView> events(UUID requestId) {
        return jdbc.sql("SELECT at, actor_id, actor_org_id, kind, from_status, to_status, note FROM request_event"
                        + " WHERE request_id = ? ORDER BY at, id")
                .param(requestId)
                .query((rs, n) -> {
                    String from = rs.getString("from_status");
                    String to = rs.getString("to_status");
                    return new EventView(
                            instant(rs, "at"),
                            rs.getObject("actor_id", UUID.class),
                            rs.getObject("actor_org_id", UUID.class),
                            rs.getString("kind"),
                            from == null ? null : RequestStatus.valueOf(from),
                            to == null ? null : RequestStatus.valueOf(to),
                            rs.getString("note"));
                })
                .list();
    }

    /** A requester's preservations the provider keeps now (not lapsed, released or followed). */
    @SuppressWarnings("NullAway") // provider_org_id is set on every sent request
    List<Preservations.ActivePreservation> activePreservations(UUID requesterId) {
        return jdbc.sql("SELECT id, reference, provider_org_id, preservation_expires_at FROM legal_request"
                        + " WHERE requester_org_id = ? AND request_type = 'PRESERVATION' AND preservation_state = 'ACTIVE'"
                        + " ORDER BY preservation_expires_at, reference")
                .param(requesterId)
                .query((rs, n) -> new Preservations.ActivePreservation(
                        rs.getObject("id", UUID.class),
                        rs.getString("reference"),
                        rs.getObject("provider_org_id", UUID.class),
                        instant(rs, "preservation_expires_at")))
                .list();
    }

    /** Requests at the same provider, open, about the same normalised identifier, from another unit (§38). */
    @SuppressWarnings("NullAway") // SQL NULL is a value here
    List<UUID> sameIdentifierElsewhere(RequestView request) {
        if (request.identifiers().isEmpty() || request.providerId() == null) {
            return List.of();
        }
        List<String> normalised = new ArrayList<>();
        request.identifiers().forEach(i -> normalised.add(i.normalised()));
        return jdbc.sql("SELECT DISTINCT r.id FROM legal_request r JOIN request_identifier i ON i.request_id = r.id"
                        + " WHERE r.provider_org_id = :provider AND r.id <> :id AND i.normalised IN (:values)"
                        + " AND (r.status IN (:open) OR r.preservation_state IN ('ACTIVE', 'FOLLOWED'))"
                        + " AND (r.requester_org_id <> :requester OR COALESCE(r.requesting_unit, '') <> :unit)")
                .param("provider", request.providerId())
                .param("id", request.id())
                .param("values", normalised)
                .param("open", RequestStatus.OPEN.stream().map(Enum::name).toList())
                .param("requester", request.requesterId())
                .param("unit", request.requestingUnit() == null ? "" : request.requestingUnit())
                .query(UUID.class)
                .list();
    }

    private static @Nullable String clip(@Nullable String value, int max) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.length() > max ? trimmed.substring(0, max) : trimmed;
    }
}
