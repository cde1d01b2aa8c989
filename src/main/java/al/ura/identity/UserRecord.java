package al.ura.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A user row as the identity module needs it internally; never leaves the module. */
record UserRecord(
        UUID id,
        UUID organisationId,
        String email,
        String displayName,
        UserKind kind,
        UserStatus status,
        String locale,
        @Nullable String passwordHash,
        @Nullable String totpSecret,
        boolean totpEnabled,
        long totpLastStep,
        int failedLogins,
        @Nullable Instant lockedUntil,
        @Nullable Instant lastLoginAt,
        boolean demo,
        Instant createdAt,
        List<String> roles) {

    UserRecord {
        roles = List.copyOf(roles);
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    UserView view() {
        return new UserView(
                id,
                organisationId,
                email,
                displayName,
                kind,
                status,
                roles,
                totpEnabled,
                lockedUntil,
                lastLoginAt,
                createdAt);
    }
}
