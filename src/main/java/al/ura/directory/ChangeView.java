package al.ura.directory;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One change to an organisation's directory entry: when, by whom (a person's id, or the kind of
 * actor for Ura itself), what ({@code action}, e.g. {@code contact.updated}), on which record, and
 * the fields it set with their new values (directory entries are not confidential).
 */
public record ChangeView(
        UUID id,
        UUID organisationId,
        Instant at,
        @Nullable UUID actorUserId,
        String actorKind,
        String action,
        @Nullable String objectId,
        Map<String, String> fields) {

    public ChangeView {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
}
