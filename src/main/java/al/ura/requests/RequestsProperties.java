package al.ura.requests;

import al.ura.directory.DataCategory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The legal-requests settings (environment variables {@code URA_REQUESTS_...}).
 *
 * @param acknowledge time to acknowledge, per priority
 * @param answer time to answer, per priority (e-Evidence: 10 days)
 * @param emergencyAcknowledge time to acknowledge an emergency
 * @param emergencyAnswer time to answer an emergency (e-Evidence: 8 hours)
 * @param dueSoon how long before an answer is due the provider is reminded (a quarter of it for emergencies)
 * @param writtenFollowUp time within which a written request must follow an oral emergency (§25)
 * @param maxIdentifiers most identifiers one request may hold (§27: no bulk requests)
 * @param maxRange widest time range per data category
 * @param preservationDays a preservation's life where the provider's country sets none
 * @param extensionDays one extension's length where the country sets none
 * @param maxExtensions how many extensions where the country sets none
 * @param preservationReminders how long before a preservation expires the requester is reminded
 * @param deconfliction tell two units asking the same provider about the same identifier of each other
 */
@ConfigurationProperties("ura.requests")
public record RequestsProperties(
        Map<Priority, Duration> acknowledge,
        Map<Priority, Duration> answer,
        @DefaultValue("1h") Duration emergencyAcknowledge,
        @DefaultValue("8h") Duration emergencyAnswer,
        @DefaultValue("1d") Duration dueSoon,
        @DefaultValue("24h") Duration writtenFollowUp,
        @DefaultValue("10") int maxIdentifiers,
        Map<DataCategory, Duration> maxRange,
        @DefaultValue("90") int preservationDays,
        @DefaultValue("90") int extensionDays,
        @DefaultValue("1") int maxExtensions,
        @DefaultValue({"14d", "3d"}) List<Duration> preservationReminders,
        @DefaultValue("true") boolean deconfliction) {

    public RequestsProperties {
        acknowledge = withDefaults(
                acknowledge,
                Map.of(
                        Priority.CRITICAL, Duration.ofHours(4),
                        Priority.HIGH, Duration.ofDays(1),
                        Priority.NORMAL, Duration.ofDays(2),
                        Priority.LOW, Duration.ofDays(3)));
        answer = withDefaults(
                answer,
                Map.of(
                        Priority.CRITICAL, Duration.ofDays(3),
                        Priority.HIGH, Duration.ofDays(5),
                        Priority.NORMAL, Duration.ofDays(10),
                        Priority.LOW, Duration.ofDays(10)));
        maxRange = withDefaults(
                maxRange,
                Map.of(
                        DataCategory.SUBSCRIBER_INFORMATION, Duration.ofDays(730),
                        DataCategory.IDENTIFICATION_DATA, Duration.ofDays(31),
                        DataCategory.TRAFFIC_DATA, Duration.ofDays(92),
                        DataCategory.CONTENT_DATA, Duration.ofDays(92)));
        preservationReminders = List.copyOf(preservationReminders);
    }

    /** The defaults, with whatever the configuration sets over them. */
    @SuppressWarnings("NullAway") // bound from configuration: absent maps arrive as null
    private static <K, V> Map<K, V> withDefaults(@Nullable Map<K, V> configured, Map<K, V> defaults) {
        Map<K, V> merged = new HashMap<>(defaults);
        if (configured != null) {
            merged.putAll(configured);
        }
        return Map.copyOf(merged);
    }

    Duration acknowledgeTime(Priority priority, boolean emergency) {
        return emergency ? emergencyAcknowledge : acknowledge.getOrDefault(priority, Duration.ofDays(2));
    }

    Duration answerTime(Priority priority, boolean emergency) {
        return emergency ? emergencyAnswer : answer.getOrDefault(priority, Duration.ofDays(10));
    }

    Duration widest(DataCategory category) {
        return maxRange.getOrDefault(category, Duration.ofDays(31));
    }
}
