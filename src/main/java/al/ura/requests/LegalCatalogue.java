package al.ura.requests;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.kernel.Actor;
import al.ura.kernel.ProblemException;
import al.ura.kernel.ProblemException.FieldProblem;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The maintained catalogue of legal provisions per country, and the countries' treaty settings. */
@Service
public class LegalCatalogue {

    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final RequestsProperties properties;
    private final Clock clock;

    LegalCatalogue(JdbcClient jdbc, AuditLog auditLog, RequestsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.properties = properties;
        this.clock = clock;
    }

    /** The provision command: what the operator types to add one. */
    public record ProvisionCommand(
            @Nullable String country,
            @Nullable String code,
            @Nullable String titleSq,
            @Nullable String titleEn,
            @Nullable String instrument,
            boolean fictional) {}

    @Transactional(readOnly = true)
    public List<LegalProvision> provisions(String country) {
        return jdbc.sql("SELECT id, country, code, title_sq, title_en, instrument, fictional FROM legal_provision"
                        + " WHERE country = ? AND retired_at IS NULL ORDER BY instrument, code")
                .param(country.toUpperCase(Locale.ROOT))
                .query((rs, n) -> provision(rs))
                .list();
    }

    /** A provision by id, retired ones included (a request made on it still names it). */
    @Transactional(readOnly = true)
    public Optional<LegalProvision> provision(UUID id) {
        return jdbc.sql("SELECT id, country, code, title_sq, title_en, instrument, fictional FROM legal_provision"
                        + " WHERE id = ?")
                .param(id)
                .query((rs, n) -> provision(rs))
                .optional();
    }

    /** What validating a request reads from this module's tables: the provision, the requester's treaty, the orders attached. */
    record ValidationFacts(Optional<ProvisionState> provision, TreatyCountry requesterTreaty, int orderAttachments) {}

    /** {@link ValidationFacts} in one query (they are read twice for every request: sent, then authorised). */
    @SuppressWarnings("NullAway") // SQL NULL is a value here
    ValidationFacts validationFacts(@Nullable UUID provisionId, String requesterCountry, UUID requestId) {
        String country = requesterCountry.toUpperCase(Locale.ROOT);
        return jdbc.sql("SELECT p.id, p.country, p.code, p.title_sq, p.title_en, p.instrument, p.fictional,"
                        + " p.retired_at, t.country AS t_country, t.second_protocol, t.preservation_days,"
                        + " t.extension_days, t.max_extensions, (SELECT COUNT(*) FROM request_attachment a"
                        + " WHERE a.request_id = ? AND a.purpose = 'ORDER') AS orders"
                        + " FROM (VALUES (1)) AS one (x) LEFT JOIN legal_provision p ON p.id = ?"
                        + " LEFT JOIN treaty_country t ON t.country = ?")
                .params(requestId, provisionId, country)
                .query((rs, n) -> new ValidationFacts(
                        rs.getObject(1) == null
                                ? Optional.empty()
                                : Optional.of(new ProvisionState(provision(rs), rs.getObject(8) != null)),
                        rs.getString("t_country") == null
                                ? new TreatyCountry(
                                        country,
                                        false,
                                        properties.preservationDays(),
                                        properties.extensionDays(),
                                        properties.maxExtensions())
                                : new TreatyCountry(
                                        rs.getString("t_country"),
                                        rs.getBoolean("second_protocol"),
                                        rs.getInt("preservation_days"),
                                        rs.getInt("extension_days"),
                                        rs.getInt("max_extensions")),
                        rs.getInt("orders")))
                .single();
    }

    /** A provision and whether it is retired. */
    record ProvisionState(LegalProvision provision, boolean retired) {}

    @Transactional
    public LegalProvision addProvision(Actor actor, ProvisionCommand command) {
        requireManager(actor, "requests.provision.create");
        List<FieldProblem> problems = new ArrayList<>();
        String country = text(command.country(), "country", 2, problems).toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            problems.add(FieldProblem.of("country", "requests.validation.country"));
        }
        String code = text(command.code(), "code", 80, problems);
        String titleSq = text(command.titleSq(), "titleSq", 500, problems);
        String titleEn = text(command.titleEn(), "titleEn", 500, problems);
        String instrument =
                text(command.instrument(), "instrument", 20, problems).toUpperCase(Locale.ROOT);
        if (!List.of("CODE", "LAW", "TREATY").contains(instrument)) {
            problems.add(FieldProblem.of("instrument", "requests.validation.instrument"));
        }
        if (problems.isEmpty()
                && jdbc.sql("SELECT COUNT(*) FROM legal_provision WHERE country = ? AND code = ?")
                                .params(country, code)
                                .query(Integer.class)
                                .single()
                        > 0) {
            problems.add(FieldProblem.of("code", "requests.validation.provision-exists"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.validation(problems);
        }
        LegalProvision provision =
                new LegalProvision(UUID.randomUUID(), country, code, titleSq, titleEn, instrument, command.fictional());
        insert(provision);
        auditLog.record(actor, AuditEvent.of("requests.provision.created", "legal_provision", provision.id(), null));
        return provision;
    }

    @Transactional
    public void retireProvision(Actor actor, UUID id) {
        requireManager(actor, "requests.provision.retire");
        int changed = jdbc.sql("UPDATE legal_provision SET retired_at = ? WHERE id = ? AND retired_at IS NULL")
                .params(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), id)
                .update();
        if (changed == 0) {
            throw ProblemException.notFound();
        }
        auditLog.record(actor, AuditEvent.of("requests.provision.retired", "legal_provision", id, null));
    }

    void insert(LegalProvision provision) {
        jdbc.sql("INSERT INTO legal_provision (id, country, code, title_sq, title_en, instrument, fictional,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        provision.id(),
                        provision.country(),
                        provision.code(),
                        provision.titleSq(),
                        provision.titleEn(),
                        provision.instrument(),
                        provision.fictional(),
                        OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
    }

    /** A country's treaty settings; a country nobody configured is no party and has the default periods. */
    @Transactional(readOnly = true)
    public TreatyCountry treaty(String country) {
        return jdbc.sql("SELECT country, second_protocol, preservation_days, extension_days, max_extensions"
                        + " FROM treaty_country WHERE country = ?")
                .param(country.toUpperCase(Locale.ROOT))
                .query((rs, n) ->
                        new TreatyCountry(rs.getString(1), rs.getBoolean(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
                .optional()
                .orElseGet(() -> new TreatyCountry(
                        country.toUpperCase(Locale.ROOT),
                        false,
                        properties.preservationDays(),
                        properties.extensionDays(),
                        properties.maxExtensions()));
    }

    @Transactional(readOnly = true)
    public List<TreatyCountry> treaties() {
        return jdbc.sql("SELECT country, second_protocol, preservation_days, extension_days, max_extensions"
                        + " FROM treaty_country ORDER BY country")
                .query((rs, n) ->
                        new TreatyCountry(rs.getString(1), rs.getBoolean(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
                .list();
    }

    @Transactional
    public TreatyCountry configure(Actor actor, TreatyCountry settings) {
        requireManager(actor, "requests.treaty.configure");
        List<FieldProblem> problems = new ArrayList<>();
        String country = settings.country().toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            problems.add(FieldProblem.of("country", "requests.validation.country"));
        }
        if (settings.preservationDays() < 1 || settings.preservationDays() > 730) {
            problems.add(FieldProblem.of("preservationDays", "requests.validation.days", 1, 730));
        }
        if (settings.extensionDays() < 1 || settings.extensionDays() > 730) {
            problems.add(FieldProblem.of("extensionDays", "requests.validation.days", 1, 730));
        }
        if (settings.maxExtensions() < 0 || settings.maxExtensions() > 10) {
            problems.add(FieldProblem.of("maxExtensions", "requests.validation.days", 0, 10));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.validation(problems);
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        int updated = jdbc.sql("UPDATE treaty_country SET second_protocol = ?, preservation_days = ?,"
                        + " extension_days = ?, max_extensions = ?, updated_at = ? WHERE country = ?")
                .params(
                        settings.secondProtocol(),
                        settings.preservationDays(),
                        settings.extensionDays(),
                        settings.maxExtensions(),
                        now,
                        country)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO treaty_country (country, second_protocol, preservation_days, extension_days,"
                            + " max_extensions, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(
                            country,
                            settings.secondProtocol(),
                            settings.preservationDays(),
                            settings.extensionDays(),
                            settings.maxExtensions(),
                            now)
                    .update();
        }
        auditLog.record(
                actor,
                AuditEvent.of("requests.treaty.configured", "treaty_country", country, null)
                        .with("secondProtocol", settings.secondProtocol()));
        return treaty(country);
    }

    private void requireManager(Actor actor, String action) {
        if (!actor.has(RequestPermissions.CATALOGUE)) {
            auditLog.denied(actor, AuditEvent.of(action, "legal_provision", null, null));
            throw ProblemException.forbidden();
        }
    }

    private static String text(@Nullable String value, String field, int max, List<FieldProblem> problems) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty()) {
            problems.add(FieldProblem.of(field, "validation.required"));
        } else if (trimmed.length() > max) {
            problems.add(FieldProblem.of(field, "requests.validation.too-long", max));
        }
        return trimmed;
    }

    /** A provision from the first seven columns: id, country, code, title_sq, title_en, instrument, fictional. */
    private static LegalProvision provision(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new LegalProvision(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getBoolean(7));
    }
}
