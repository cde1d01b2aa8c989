@NullMarked
package al.ura.testing;

import org.jspecify.annotations.NullMarked;
