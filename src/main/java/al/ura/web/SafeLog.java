package al.ura.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Describes an unexpected exception for the log without its messages: database and framework
 * messages can quote the values involved (an e-mail address in a duplicate key, an identifier
 * under investigation), and logs must never carry personal data. Types and the first frames of
 * Ura's own code are enough to find the fault; the incident id links the log to the user's report.
 */
final class SafeLog {

    private static final int FRAMES = 8;

    private SafeLog() {}

    static String describe(Throwable error) {
        List<String> chain = new ArrayList<>();
        for (@Nullable Throwable current = error; current != null && chain.size() < 6; current = current.getCause()) {
            StringBuilder part = new StringBuilder(current.getClass().getName());
            int shown = 0;
            for (StackTraceElement frame : current.getStackTrace()) {
                if (frame.getClassName().startsWith("al.ura.") && shown < FRAMES) {
                    part.append("\n\tat ").append(frame);
                    shown++;
                }
            }
            chain.add(part.toString());
        }
        return String.join("\ncaused by ", chain);
    }
}
