package al.ura.monitoring;

import al.ura.kernel.LiveFigure;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registers' quantities as figures an indicator can be bound to instead of a number typed in
 * (seed 002: trainings held and their participants, awareness activities, agreements signed),
 * counted over the days of the period in the deployment's time zone.
 */
@Configuration(proxyBeanMethods = false)
class RegisterFigures {

    @Bean
    LiveFigure agreementsSigned(JdbcClient jdbc, @Value("${ura.time-zone:Europe/Tirane}") String zone) {
        return new Count(
                jdbc,
                ZoneId.of(zone),
                "monitoring.agreements-signed",
                "monitoring.agreement.figure.signed",
                "SELECT COUNT(*) FROM monitoring_agreement WHERE signed_on >= ? AND signed_on < ?");
    }

    @Bean
    LiveFigure trainingsHeld(JdbcClient jdbc, @Value("${ura.time-zone:Europe/Tirane}") String zone) {
        return new Count(
                jdbc,
                ZoneId.of(zone),
                "monitoring.trainings",
                "monitoring.event.figure.trainings",
                "SELECT COUNT(*) FROM monitoring_event WHERE kind = 'TRAINING' AND held_on >= ? AND held_on < ?");
    }

    @Bean
    LiveFigure trainingParticipants(JdbcClient jdbc, @Value("${ura.time-zone:Europe/Tirane}") String zone) {
        return new Count(
                jdbc,
                ZoneId.of(zone),
                "monitoring.training-participants",
                "monitoring.event.figure.training-participants",
                "SELECT COALESCE(SUM(participants), 0) FROM monitoring_event WHERE kind = 'TRAINING' AND held_on >= ? AND held_on < ?");
    }

    @Bean
    LiveFigure awarenessActivities(JdbcClient jdbc, @Value("${ura.time-zone:Europe/Tirane}") String zone) {
        return new Count(
                jdbc,
                ZoneId.of(zone),
                "monitoring.awareness-activities",
                "monitoring.event.figure.awareness-activities",
                "SELECT COUNT(*) FROM monitoring_event WHERE kind = 'AWARENESS' AND held_on >= ? AND held_on < ?");
    }

    /** A count (or sum) over the register's dated rows from the first day of the period to the day {@code to} falls on. */
    record Count(JdbcClient jdbc, ZoneId zone, String code, String labelKey, String sql) implements LiveFigure {

        @Override
        public String unit() {
            return "count";
        }

        @Override
        public Optional<BigDecimal> value(Instant from, Instant to) {
            LocalDate first = LocalDate.ofInstant(from, zone);
            LocalDate end = LocalDate.ofInstant(to, zone);
            Long value = jdbc.sql(sql).params(first, end).query(Long.class).single();
            return Optional.of(BigDecimal.valueOf(value == null ? 0 : value));
        }
    }
}
