package al.ura.kernel;

import java.util.Set;

/**
 * A role a module contributes: a code, the permission codes it grants, and whether holding it
 * demands a second factor because it can read confidential data. Display names come from the
 * message bundles under {@code role.<code>}.
 */
public record RoleDefinition(String code, Set<String> permissions, boolean requiresSecondFactor, int order) {

    public RoleDefinition {
        permissions = Set.copyOf(permissions);
    }
}
