@NullMarked
package al.ura.web;

import org.jspecify.annotations.NullMarked;
