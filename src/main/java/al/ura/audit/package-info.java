/**
 * The tamper-evident audit ledger: every change and every sensitive read, hash-chained, verifiable
 * online and offline.
 */
@ApplicationModule(displayName = "Audit ledger", allowedDependencies = "kernel")
@NullMarked
package al.ura.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
