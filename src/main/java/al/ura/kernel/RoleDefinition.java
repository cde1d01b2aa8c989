package al.ura.kernel;

import java.util.Set;

/**
 * A role a module contributes: a code, the permission codes it grants, and whether holding it
 * demands a second factor because it can read confidential data. Display names come from the
 * message bundles under {@code role.<code>}. {@code delegable}: an organisation's administrator may
 * grant it to their own people although they do not hold its permissions themselves (an officer's
 * or a compliance officer's role: the administrator manages people, not the requests they read).
 */
public record RoleDefinition(
        String code, Set<String> permissions, boolean requiresSecondFactor, int order, boolean delegable) {

    public RoleDefinition {
        permissions = Set.copyOf(permissions);
    }

    public RoleDefinition(String code, Set<String> permissions, boolean requiresSecondFactor, int order) {
        this(code, permissions, requiresSecondFactor, order, false);
    }
}
