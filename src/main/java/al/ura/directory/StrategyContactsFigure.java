package al.ura.directory;

import al.ura.kernel.LiveFigure;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many organisations, not suspended, have at least one strategy contact point that is verified
 * and not overdue at the period's end (seed 002 asks every institution to name one). Computed
 * from the records as they stood then: the contact existed, the organisation was not suspended,
 * and the contact's latest verification before that instant still covered that day.
 */
@Component
class StrategyContactsFigure implements LiveFigure {

    private final JdbcClient jdbc;
    private final ContactDirectory contacts;

    StrategyContactsFigure(JdbcClient jdbc, ContactDirectory contacts) {
        this.jdbc = jdbc;
        this.contacts = contacts;
    }

    @Override
    public String code() {
        return "directory.strategy-contacts-verified";
    }

    @Override
    public String labelKey() {
        return "directory.figure.strategy-contacts-verified";
    }

    @Override
    public String unit() {
        return "count";
    }

    @Override
    public Optional<BigDecimal> value(Instant from, Instant to) {
        // The last day of the period [from, to), in the deployment's zone.
        LocalDate day = LocalDate.ofInstant(to.minusNanos(1), contacts.deploymentZone());
        Long count = jdbc.sql("SELECT COUNT(DISTINCT o.id) FROM organisation o JOIN contact_point c"
                        + " ON c.organisation_id = o.id WHERE c.contact_function = 'STRATEGY' AND o.created_at < :to"
                        + " AND c.created_at < :to AND (c.removed_at IS NULL OR c.removed_at >= :to)"
                        + " AND NOT EXISTS (SELECT 1 FROM organisation_suspension s WHERE s.organisation_id = o.id"
                        + " AND s.suspended_at < :to AND (s.reinstated_at IS NULL OR s.reinstated_at >= :to))"
                        + " AND (SELECT v.valid_until FROM contact_verification v WHERE v.contact_id = c.id"
                        + " AND v.verified_at < :to AND v.verified_on <= :day"
                        + " ORDER BY v.verified_at DESC FETCH FIRST 1 ROWS ONLY) >= :day")
                .param("to", OrganisationRepository.utc(to))
                .param("day", day)
                .query(Long.class)
                .single();
        return Optional.of(BigDecimal.valueOf(count == null ? 0 : count));
    }
}
