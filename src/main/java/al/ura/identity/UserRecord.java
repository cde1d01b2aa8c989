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

    /** A new person: no failed sign-ins, no lock, never signed in. */
    static UserRecord person(
            UUID id,
            UUID organisationId,
            String email,
            String displayName,
            UserStatus status,
            String locale,
            @Nullable String passwordHash,
            @Nullable String totpSecret,
            boolean demo,
            Instant now,
            List<String> roles) {
        return new UserRecord(
                id,
                organisationId,
                email,
                displayName,
                UserKind.PERSON,
                status,
                locale,
                passwordHash,
                totpSecret,
                totpSecret != null,
                0,
                0,
                null,
                null,
                demo,
                now,
                roles);
    }

    /** A new service account: it never signs in, it acts only through API tokens. */
    static UserRecord serviceAccount(
            UUID id, UUID organisationId, String email, String name, boolean demo, Instant now) {
        return new UserRecord(
                id,
                organisationId,
                email,
                name,
                UserKind.SERVICE,
                UserStatus.ACTIVE,
                "en",
                null,
                null,
                false,
                0,
                0,
                null,
                null,
                demo,
                now,
                List.of());
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
