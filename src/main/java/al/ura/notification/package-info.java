/** In-app notifications with an unread count, and e-mail that carries only a link. */
@ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {"kernel", "audit", "identity"})
@NullMarked
package al.ura.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
