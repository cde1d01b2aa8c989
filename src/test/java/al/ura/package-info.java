@NullMarked
package al.ura;

import org.jspecify.annotations.NullMarked;
