package al.ura.identity;

import al.ura.kernel.RoleDefinition;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Every role any module contributed, by code. */
@Component
public class RoleCatalogue {

    private final Map<String, RoleDefinition> roles = new LinkedHashMap<>();

    RoleCatalogue(List<RoleDefinition> definitions) {
        definitions.stream()
                .sorted(Comparator.comparingInt(RoleDefinition::order))
                .forEach(role -> {
                    if (roles.put(role.code(), role) != null) {
                        throw new IllegalStateException("two modules define the role " + role.code());
                    }
                });
    }

    public List<RoleDefinition> all() {
        return List.copyOf(roles.values());
    }

    public Optional<RoleDefinition> find(String code) {
        return Optional.ofNullable(roles.get(code));
    }

    public Set<String> permissionsOf(Collection<String> roleCodes) {
        Set<String> permissions = new HashSet<>();
        for (String code : roleCodes) {
            RoleDefinition role = roles.get(code);
            if (role != null) {
                permissions.addAll(role.permissions());
            }
        }
        return permissions;
    }

    /** A second factor is mandatory as soon as one role can read confidential data. */
    public boolean requiresSecondFactor(Collection<String> roleCodes) {
        return roleCodes.stream().map(roles::get).anyMatch(role -> role != null && role.requiresSecondFactor());
    }

    /** The permissions of roles an organisation's administrator may hand out: what their service accounts' tokens may hold too. */
    public Set<String> delegablePermissions() {
        Set<String> delegable = new HashSet<>();
        roles.values().stream().filter(RoleDefinition::delegable).forEach(role -> delegable.addAll(role.permissions()));
        return delegable;
    }

    public Set<String> allPermissions() {
        Set<String> all = new HashSet<>();
        roles.values().forEach(role -> all.addAll(role.permissions()));
        return all;
    }
}
