package al.ura.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

public record UserView(
        UUID id,
        UUID organisationId,
        String email,
        String displayName,
        UserKind kind,
        UserStatus status,
        List<String> roles,
        boolean secondFactorEnabled,
        @Nullable Instant lockedUntil,
        @Nullable Instant lastLoginAt,
        Instant createdAt) {

    public UserView {
        roles = List.copyOf(roles);
    }
}
