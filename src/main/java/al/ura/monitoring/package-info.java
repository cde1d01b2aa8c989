/**
 * Strategy monitoring (seed 002): the national strategy's policies, specific objectives, measures
 * and activities; yearly action plans; institutions' progress submissions and their review; the
 * computed realisation with how every figure was computed; and the annual monitoring report.
 */
@ApplicationModule(
        displayName = "Strategy monitoring",
        allowedDependencies = {"kernel", "audit", "directory", "identity"})
@NullMarked
package al.ura.monitoring;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
