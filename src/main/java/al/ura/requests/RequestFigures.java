package al.ura.requests;

import al.ura.kernel.LiveFigure;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The legal-requests figures the strategy monitoring binds indicators to: requests answered in a
 * period (counted when answered), the median time providers took to answer them, and the share of
 * emergencies among the requests sent in it.
 */
@Configuration(proxyBeanMethods = false)
class RequestFigures {

    @Bean
    LiveFigure requestsAnswered(JdbcClient jdbc) {
        return figure(
                "requests.answered",
                "count",
                (from, to) -> Optional.of(BigDecimal.valueOf(count(
                        jdbc,
                        "SELECT COUNT(*) FROM legal_request WHERE answered_at >= ? AND answered_at < ?",
                        from,
                        to))));
    }

    @Bean
    LiveFigure requestsMedianAnswer(JdbcClient jdbc) {
        return figure(
                "requests.median-answer-hours",
                "hours",
                (from, to) -> Optional.ofNullable(RequestStatistics.hours(
                        jdbc.sql("SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY answer_seconds) FROM legal_request"
                                        + " WHERE answered_at >= ? AND answered_at < ? AND answer_seconds IS NOT NULL")
                                .params(RequestRepository.utc(from), RequestRepository.utc(to))
                                .query((rs, n) -> rs.getBigDecimal(1))
                                .single())));
    }

    @Bean
    LiveFigure requestsEmergencyShare(JdbcClient jdbc) {
        return figure("requests.emergency-share", "percent", (from, to) -> {
            long all = count(
                    jdbc, "SELECT COUNT(*) FROM legal_request WHERE submitted_at >= ? AND submitted_at < ?", from, to);
            long emergencies = count(
                    jdbc,
                    "SELECT COUNT(*) FROM legal_request WHERE submitted_at >= ? AND submitted_at < ?"
                            + " AND emergency = TRUE",
                    from,
                    to);
            return Optional.ofNullable(RequestStatistics.share(emergencies, all));
        });
    }

    private static long count(JdbcClient jdbc, String sql, Instant from, Instant to) {
        Long n = jdbc.sql(sql)
                .params(RequestRepository.utc(from), RequestRepository.utc(to))
                .query(Long.class)
                .single();
        return n == null ? 0 : n;
    }

    private interface Compute {
        Optional<BigDecimal> value(Instant from, Instant to);
    }

    private static LiveFigure figure(String code, String unit, Compute compute) {
        return new LiveFigure() {
            @Override
            public String code() {
                return code;
            }

            @Override
            public String labelKey() {
                return "requests.figure." + code.substring("requests.".length());
            }

            @Override
            public String unit() {
                return unit;
            }

            @Override
            public Optional<BigDecimal> value(Instant from, Instant to) {
                return compute.value(from, to);
            }
        };
    }
}
