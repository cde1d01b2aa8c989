@NullMarked
package al.ura.requests;

import org.jspecify.annotations.NullMarked;
