package al.ura.directory;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.kernel.Actor;
import al.ura.kernel.ProblemException;
import al.ura.kernel.ProblemException.FieldProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * Providers' services and the data each can disclose: the {@link ProviderCatalogue} other modules
 * read, and the use cases with which a provider's administrator maintains it. A service taken
 * down is retired, not deleted: requests made against it still name it.
 */
@Service
public class ProviderServices implements ProviderCatalogue {

    static final int MAX_RETENTION_DAYS = 3660;
    static final int MAX_ANSWER_HOURS = 24 * 90;

    private final JdbcClient jdbc;
    private final OrganisationDirectory directory;
    private final ChangeHistory history;
    private final AuditLog auditLog;
    private final Clock clock;

    ProviderServices(
            JdbcClient jdbc, OrganisationDirectory directory, ChangeHistory history, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.history = history;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ProviderServiceView> servicesOf(UUID providerOrganisationId) {
        List<ProviderServiceView> services = jdbc.sql("SELECT " + COLUMNS + " FROM provider_service s"
                        + " WHERE s.organisation_id = ? AND s.retired_at IS NULL ORDER BY s.name, s.id")
                .param(providerOrganisationId)
                .query((rs, n) -> map(rs))
                .list();
        return withOfferings(services);
    }

    /** A service by id, retired ones included (a request made against it still names it). */
    @Override
    @Transactional(readOnly = true)
    public Optional<ProviderServiceView> service(UUID serviceId) {
        return withOfferings(jdbc.sql("SELECT " + COLUMNS + " FROM provider_service s WHERE s.id = ?")
                        .param(serviceId)
                        .query((rs, n) -> map(rs))
                        .list())
                .stream()
                .findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ServiceState> serviceState(UUID serviceId) {
        ProviderServiceView[] service = new ProviderServiceView[1];
        boolean[] retired = new boolean[1];
        List<ProviderServiceView.Offering> offerings = new ArrayList<>();
        jdbc.sql("SELECT " + COLUMNS + ", s.retired_at, o.item, o.retention_days, o.legal_process"
                        + " FROM provider_service s LEFT JOIN provider_offering o ON o.service_id = s.id"
                        + " WHERE s.id = ?")
                .param(serviceId)
                .query(rs -> {
                    if (service[0] == null) {
                        service[0] = map(rs);
                        retired[0] = rs.getObject("retired_at") != null;
                    }
                    if (rs.getString("item") != null) {
                        offerings.add(offering(rs));
                    }
                });
        if (service[0] == null) {
            return Optional.empty();
        }
        return Optional.of(new ServiceState(withOfferings(service[0], offerings), retired[0]));
    }

    @Transactional
    @SuppressWarnings("NullAway") // SQL NULL is a value here
    public ProviderServiceView create(Actor actor, UUID organisationId, ProviderServiceCommand command) {
        OrganisationView organisation =
                directory.requireManageable(actor, organisationId, "directory.provider-service.create");
        Valid valid = validate(organisation, command);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO provider_service (id, organisation_id, name, url, description, shared_addresses,"
                        + " answer_minutes, emergency_answer_minutes, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        organisationId,
                        valid.name(),
                        valid.url(),
                        valid.description(),
                        command.addressesShared(),
                        minutes(command.answerHours()),
                        minutes(command.emergencyAnswerHours()),
                        OrganisationRepository.utc(now),
                        OrganisationRepository.utc(now))
                .update();
        insertOfferings(id, valid.offerings());
        ProviderServiceView created = service(id).orElseThrow();
        auditLog.record(
                actor, AuditEvent.of("directory.provider-service.created", "provider_service", id, organisationId));
        history.record(actor, organisationId, "provider-service.created", id, describe(created));
        return created;
    }

    @Transactional
    @SuppressWarnings("NullAway") // SQL NULL is a value here
    public ProviderServiceView update(Actor actor, UUID serviceId, ProviderServiceCommand command) {
        ProviderServiceView existing = requireService(actor, serviceId, "directory.provider-service.update");
        OrganisationView organisation =
                directory.find(existing.organisationId()).orElseThrow();
        Valid valid = validate(organisation, command);
        jdbc.sql("UPDATE provider_service SET name = ?, url = ?, description = ?, shared_addresses = ?,"
                        + " answer_minutes = ?, emergency_answer_minutes = ?, updated_at = ? WHERE id = ?")
                .params(
                        valid.name(),
                        valid.url(),
                        valid.description(),
                        command.addressesShared(),
                        minutes(command.answerHours()),
                        minutes(command.emergencyAnswerHours()),
                        OrganisationRepository.utc(clock.instant()),
                        serviceId)
                .update();
        jdbc.sql("DELETE FROM provider_offering WHERE service_id = ?")
                .param(serviceId)
                .update();
        insertOfferings(serviceId, valid.offerings());
        ProviderServiceView updated = service(serviceId).orElseThrow();
        auditLog.record(
                actor,
                AuditEvent.of(
                        "directory.provider-service.updated",
                        "provider_service",
                        serviceId,
                        existing.organisationId()));
        history.record(actor, existing.organisationId(), "provider-service.updated", serviceId, describe(updated));
        return updated;
    }

    @Transactional
    public void retire(Actor actor, UUID serviceId) {
        ProviderServiceView existing = requireService(actor, serviceId, "directory.provider-service.retire");
        jdbc.sql("UPDATE provider_service SET retired_at = ?, updated_at = ? WHERE id = ? AND retired_at IS NULL")
                .params(
                        OrganisationRepository.utc(clock.instant()),
                        OrganisationRepository.utc(clock.instant()),
                        serviceId)
                .update();
        auditLog.record(
                actor,
                AuditEvent.of(
                        "directory.provider-service.retired",
                        "provider_service",
                        serviceId,
                        existing.organisationId()));
        history.record(
                actor,
                existing.organisationId(),
                "provider-service.retired",
                serviceId,
                Map.of("name", existing.name()));
    }

    private ProviderServiceView requireService(Actor actor, UUID serviceId, String action) {
        Optional<ProviderServiceView> found =
                serviceState(serviceId).filter(s -> !s.retired()).map(ServiceState::service);
        if (found.isEmpty()) {
            auditLog.denied(actor, AuditEvent.of(action, "provider_service", serviceId, null));
            throw ProblemException.notFound();
        }
        directory.requireManageable(actor, found.get().organisationId(), action);
        return found.get();
    }

    private record Valid(
            String name, @Nullable String url, String description, List<ProviderServiceView.Offering> offerings) {}

    private Valid validate(OrganisationView organisation, ProviderServiceCommand command) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!organisation.isProvider()) {
            problems.add(FieldProblem.of("organisation", "directory.validation.not-a-provider"));
        }
        String name = Fields.required(command.name(), "name", 200, problems);
        String url = Fields.website(command.url(), "url", problems);
        String description = Fields.required(command.description(), "description", 2000, problems);
        List<ProviderServiceView.Offering> offerings = new ArrayList<>();
        Set<DataItem> seen = EnumSet.noneOf(DataItem.class);
        List<ProviderServiceCommand.Offering> given = command.offerings() == null ? List.of() : command.offerings();
        for (int i = 0; i < given.size(); i++) {
            ProviderServiceCommand.Offering offering = given.get(i);
            String prefix = "offerings[" + i + "].";
            DataItem item = offering.item();
            Integer retention = offering.retentionDays();
            LegalProcess process = offering.legalProcess();
            if (item == null) {
                problems.add(FieldProblem.of(prefix + "item", "validation.required"));
            } else if (!seen.add(item)) {
                problems.add(FieldProblem.of(prefix + "item", "directory.validation.offering-twice"));
            }
            if (retention == null) {
                problems.add(FieldProblem.of(prefix + "retentionDays", "validation.required"));
            } else if (retention < 0 || retention > MAX_RETENTION_DAYS) {
                problems.add(
                        FieldProblem.of(prefix + "retentionDays", "directory.validation.range", 0, MAX_RETENTION_DAYS));
            }
            if (process == null) {
                problems.add(FieldProblem.of(prefix + "legalProcess", "validation.required"));
            }
            if (item != null && retention != null && process != null) {
                offerings.add(new ProviderServiceView.Offering(item, retention, process));
            }
        }
        if (given.isEmpty()) {
            problems.add(FieldProblem.of("offerings", "directory.validation.offering-required"));
        }
        hours(command.answerHours(), "answerHours", problems);
        hours(command.emergencyAnswerHours(), "emergencyAnswerHours", problems);
        if (!problems.isEmpty()) {
            throw ProblemException.validation(problems);
        }
        return new Valid(name, url, description, offerings);
    }

    private static void hours(@Nullable Integer hours, String field, List<FieldProblem> problems) {
        if (hours != null && (hours < 1 || hours > MAX_ANSWER_HOURS)) {
            problems.add(FieldProblem.of(field, "directory.validation.range", 1, MAX_ANSWER_HOURS));
        }
    }

    private static @Nullable Integer minutes(@Nullable Integer hours) {
        return hours == null ? null : hours * 60;
    }

    private void insertOfferings(UUID serviceId, List<ProviderServiceView.Offering> offerings) {
        for (ProviderServiceView.Offering offering : offerings) {
            jdbc.sql("INSERT INTO provider_offering (service_id, item, retention_days, legal_process)"
                            + " VALUES (?, ?, ?, ?)")
                    .params(
                            serviceId,
                            offering.item().name(),
                            offering.retentionDays(),
                            offering.legalProcess().name())
                    .update();
        }
    }

    private static Map<String, Object> describe(ProviderServiceView service) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", service.name());
        fields.put("url", service.url());
        fields.put("sharedAddresses", service.sharedAddresses());
        fields.put(
                "offerings",
                service.offerings().stream()
                        .map(o -> o.item() + ":" + o.retentionDays() + "d:" + o.legalProcess())
                        .collect(Collectors.joining(" ")));
        fields.put("declaredAnswerTime", service.declaredAnswerTime());
        fields.put("declaredEmergencyAnswerTime", service.declaredEmergencyAnswerTime());
        return fields;
    }

    private static final String COLUMNS = "s.id, s.organisation_id, s.name, s.url, s.description, s.shared_addresses,"
            + " s.answer_minutes, s.emergency_answer_minutes";

    private static ProviderServiceView map(java.sql.ResultSet rs) throws java.sql.SQLException {
        int answer = rs.getInt("answer_minutes");
        boolean noAnswer = rs.wasNull();
        int emergency = rs.getInt("emergency_answer_minutes");
        boolean noEmergency = rs.wasNull();
        return new ProviderServiceView(
                rs.getObject("id", UUID.class),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("name"),
                rs.getString("url"),
                rs.getString("description"),
                rs.getBoolean("shared_addresses"),
                List.of(),
                noAnswer ? null : Duration.ofMinutes(answer),
                noEmergency ? null : Duration.ofMinutes(emergency));
    }

    private List<ProviderServiceView> withOfferings(List<ProviderServiceView> services) {
        if (services.isEmpty()) {
            return services;
        }
        Map<UUID, List<ProviderServiceView.Offering>> offerings = new LinkedHashMap<>();
        jdbc.sql("SELECT service_id, item, retention_days, legal_process FROM provider_offering"
                        + " WHERE service_id IN (:ids) ORDER BY service_id, item")
                .param("ids", services.stream().map(ProviderServiceView::id).toList())
                .query(rs -> {
                    offerings
                            .computeIfAbsent(rs.getObject("service_id", UUID.class), k -> new ArrayList<>())
                            .add(offering(rs));
                });
        return services.stream()
                .map(s -> withOfferings(s, offerings.getOrDefault(s.id(), List.of())))
                .toList();
    }

    /** The service with its offerings, in the order of the data items. */
    private static ProviderServiceView withOfferings(
            ProviderServiceView s, List<ProviderServiceView.Offering> offerings) {
        return new ProviderServiceView(
                s.id(),
                s.organisationId(),
                s.name(),
                s.url(),
                s.description(),
                s.sharedAddresses(),
                offerings.stream()
                        .sorted(java.util.Comparator.comparing(o -> o.item().ordinal()))
                        .toList(),
                s.declaredAnswerTime(),
                s.declaredEmergencyAnswerTime());
    }

    private static ProviderServiceView.Offering offering(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ProviderServiceView.Offering(
                DataItem.valueOf(rs.getString("item")),
                rs.getInt("retention_days"),
                LegalProcess.valueOf(rs.getString("legal_process")));
    }
}
