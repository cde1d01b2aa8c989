package al.ura.identity;

import al.ura.audit.AuditPermissions;
import al.ura.directory.DirectoryPermissions;
import al.ura.kernel.RoleDefinition;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The roles the core defines; each capability module contributes its own the same way. */
@Configuration(proxyBeanMethods = false)
class CoreRoles {

    static final String PLATFORM_ADMIN = "platform-admin";
    static final String ORGANISATION_ADMIN = "organisation-admin";
    static final String AUDITOR = "auditor";
    static final String MEMBER = "member";

    @Bean
    RoleDefinition platformAdministrator() {
        return new RoleDefinition(
                PLATFORM_ADMIN,
                Set.of(
                        DirectoryPermissions.READ,
                        DirectoryPermissions.MANAGE_ORGANISATIONS,
                        IdentityPermissions.USERS_MANAGE,
                        IdentityPermissions.USERS_MANAGE_ANY,
                        IdentityPermissions.TOKENS_MANAGE,
                        IdentityPermissions.METRICS_READ,
                        AuditPermissions.READ_ALL),
                true,
                10);
    }

    @Bean
    RoleDefinition organisationAdministrator() {
        return new RoleDefinition(
                ORGANISATION_ADMIN,
                Set.of(
                        DirectoryPermissions.READ,
                        DirectoryPermissions.MANAGE_OWN,
                        IdentityPermissions.USERS_MANAGE,
                        IdentityPermissions.TOKENS_MANAGE,
                        AuditPermissions.READ_OWN),
                true,
                20);
    }

    @Bean
    RoleDefinition auditor() {
        return new RoleDefinition(AUDITOR, Set.of(DirectoryPermissions.READ, AuditPermissions.READ_ALL), true, 30);
    }

    /** Every person in an organisation: sees the directory and their own notifications, nothing confidential. */
    @Bean
    RoleDefinition member() {
        return new RoleDefinition(MEMBER, Set.of(DirectoryPermissions.READ), false, 100);
    }
}
