package al.ura.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

public record ApiTokenView(
        UUID id,
        UUID organisationId,
        UUID serviceAccountId,
        String name,
        String prefix,
        List<String> permissions,
        Instant expiresAt,
        @Nullable Instant revokedAt,
        @Nullable Instant lastUsedAt,
        Instant createdAt) {

    public ApiTokenView {
        permissions = List.copyOf(permissions);
    }

    public boolean activeAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
