/**
 * Legal data requests from law enforcement to service providers, and their answers (seed 000
 * §§17-59): drafted, validated against the provider's directory entry, authorised and signed,
 * received and answered under deadlines, and counted for both sides.
 */
@ApplicationModule(
        displayName = "Legal data requests",
        allowedDependencies = {"kernel", "audit", "directory", "identity"})
@NullMarked
package al.ura.requests;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
