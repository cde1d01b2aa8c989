package al.ura.audit;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What happened, to what, and which organisation it concerns. Details hold identifiers and codes,
 * never confidential values (no names of victims, no identifiers under investigation, no secrets).
 */
public record AuditEvent(
        String action,
        String objectType,
        @Nullable String objectId,
        @Nullable UUID subjectOrganisationId,
        Map<String, String> details) {

    public AuditEvent {
        details = new TreeMap<>(details);
    }

    public static AuditEvent of(
            String action, String objectType, @Nullable Object objectId, @Nullable UUID subjectOrganisationId) {
        return new AuditEvent(
                action, objectType, objectId == null ? null : objectId.toString(), subjectOrganisationId, Map.of());
    }

    public AuditEvent with(String key, @Nullable Object value) {
        Map<String, String> copy = new TreeMap<>(details);
        copy.put(key, String.valueOf(value));
        return new AuditEvent(action, objectType, objectId, subjectOrganisationId, copy);
    }
}
