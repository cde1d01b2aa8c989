@NullMarked
package al.ura.directory;

import org.jspecify.annotations.NullMarked;
