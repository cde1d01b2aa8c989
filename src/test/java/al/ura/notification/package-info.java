@NullMarked
package al.ura.notification;

import org.jspecify.annotations.NullMarked;
