/** The shell every page stands in: layout, navigation, languages, the dashboard, errors, API conventions. */
@ApplicationModule(
        displayName = "Web shell",
        allowedDependencies = {"kernel", "audit", "directory", "identity", "notification"})
@NullMarked
package al.ura.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
