@NullMarked
package al.ura.audit;

import org.jspecify.annotations.NullMarked;
