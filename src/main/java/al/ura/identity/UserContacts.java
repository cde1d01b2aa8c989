package al.ura.identity;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How to reach a person: for modules that notify people, without reaching into identity's tables. */
@Service
public class UserContacts {

    /** An active person's e-mail address and preferred language. */
    public record Contact(UUID userId, UUID organisationId, String email, String locale) {}

    private final UserRepository users;
    private final RoleCatalogue roles;

    UserContacts(UserRepository users, RoleCatalogue roles) {
        this.users = users;
        this.roles = roles;
    }

    /** The active people of an organisation who hold a permission through one of their roles. */
    @Transactional(readOnly = true)
    public java.util.List<UUID> holding(UUID organisationId, String permission) {
        java.util.List<String> granting = roles.all().stream()
                .filter(role -> role.permissions().contains(permission))
                .map(al.ura.kernel.RoleDefinition::code)
                .toList();
        return granting.isEmpty() ? java.util.List.of() : users.activePeopleWithAnyRole(organisationId, granting);
    }

    @Transactional(readOnly = true)
    public Optional<Contact> of(UUID userId) {
        return users.find(userId)
                .filter(user -> user.kind() == UserKind.PERSON && user.status() == UserStatus.ACTIVE)
                .map(user -> new Contact(user.id(), user.organisationId(), user.email(), user.locale()));
    }
}
