@NullMarked
package al.ura.monitoring;

import org.jspecify.annotations.NullMarked;
