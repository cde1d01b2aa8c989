package al.ura.kernel;

import java.io.Serial;
import java.util.List;

/**
 * Raised at a module's edge to end a request with a problem detail. The message key and arguments
 * are resolved in the caller's language; the exception's own message is never shown to a user.
 */
public class ProblemException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ProblemType type;
    private final String detailKey;
    private final transient List<Object> arguments;
    private final transient List<FieldProblem> fieldProblems;

    public ProblemException(ProblemType type, String detailKey, Object... arguments) {
        this(type, detailKey, List.of(), arguments);
    }

    public ProblemException(ProblemType type, String detailKey, List<FieldProblem> fieldProblems, Object... arguments) {
        super(type.slug() + ": " + detailKey, null, false, false);
        this.type = type;
        this.detailKey = detailKey;
        this.arguments = List.of(arguments);
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "problem.not-found.detail");
    }

    public static ProblemException forbidden() {
        return new ProblemException(ProblemType.FORBIDDEN, "problem.forbidden.detail");
    }

    public static ProblemException validation(List<FieldProblem> fieldProblems) {
        return new ProblemException(ProblemType.VALIDATION, "problem.validation.detail", fieldProblems);
    }

    public ProblemType type() {
        return type;
    }

    public String detailKey() {
        return detailKey;
    }

    public List<Object> arguments() {
        return arguments;
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /** One field's error: the field name as the client sent it and a message key with arguments. */
    public record FieldProblem(String field, String messageKey, List<Object> arguments) {
        public FieldProblem {
            arguments = List.copyOf(arguments);
        }

        public static FieldProblem of(String field, String messageKey, Object... arguments) {
            return new FieldProblem(field, messageKey, List.of(arguments));
        }
    }
}
