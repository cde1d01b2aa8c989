package al.ura.kernel;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who is acting: a signed-in person, a machine client holding an API token, or Ura itself. It is the
 * principal of every authentication, so any module can check permissions and scope queries by
 * organisation without depending on the identity module.
 */
public record Actor(
        Kind kind,
        @Nullable UUID userId,
        @Nullable UUID organisationId,
        String displayName,
        Set<String> permissions,
        @Nullable UUID tokenId)
        implements Principal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public enum Kind {
        USER,
        API_TOKEN,
        SYSTEM,
        ANONYMOUS
    }

    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, null, null, "system", Set.of(), null);
    public static final Actor ANONYMOUS = new Actor(Kind.ANONYMOUS, null, null, "anonymous", Set.of(), null);

    public Actor {
        permissions = Set.copyOf(permissions);
    }

    public boolean has(String permission) {
        return permissions.contains(permission);
    }

    public boolean hasAny(String... anyOf) {
        for (String p : anyOf) {
            if (permissions.contains(p)) {
                return true;
            }
        }
        return false;
    }

    public boolean belongsTo(@Nullable UUID organisation) {
        return organisation != null && organisation.equals(organisationId);
    }

    /** The organisation an acting person or token belongs to; fails for system and anonymous actors. */
    public UUID requireOrganisation() {
        if (organisationId == null) {
            throw new IllegalStateException("actor has no organisation: " + kind);
        }
        return organisationId;
    }

    /** The name sessions are indexed by: the user id, never a personal name. */
    @Override
    public String getName() {
        return userId != null ? userId.toString() : kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return "Actor[" + kind + " " + getName() + "]";
    }
}
