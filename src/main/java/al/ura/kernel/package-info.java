/** The few types every module needs: the acting principal, problems, cursors, roles and the clock. */
@ApplicationModule(displayName = "Kernel", type = ApplicationModule.Type.OPEN)
@NullMarked
package al.ura.kernel;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
