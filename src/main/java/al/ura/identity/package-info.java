/** Users, memberships, roles and permissions, login with a second factor, sessions and API tokens. */
@ApplicationModule(
        displayName = "Identity and access",
        allowedDependencies = {"kernel", "audit", "directory"})
@NullMarked
package al.ura.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
