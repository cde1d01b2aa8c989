/** The directory of organisations: who is who. The directory issue enriches it with contacts, services and keys. */
@ApplicationModule(
        displayName = "Directory",
        allowedDependencies = {"kernel", "audit"})
@NullMarked
package al.ura.directory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
