@NullMarked
package al.ura.kernel;

import org.jspecify.annotations.NullMarked;
