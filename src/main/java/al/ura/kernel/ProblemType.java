package al.ura.kernel;

/**
 * A kind of error with a stable identifier. Over HTTP it becomes the problem detail's {@code type}
 * ({@code /problems/<slug>}); its title and detail come from the message bundles in the caller's
 * language ({@code problem.<slug>.title}, {@code problem.<slug>.detail}).
 */
public record ProblemType(String slug, int status) {

    public static final ProblemType VALIDATION = new ProblemType("validation", 400);
    public static final ProblemType MALFORMED_REQUEST = new ProblemType("malformed-request", 400);
    public static final ProblemType UNAUTHENTICATED = new ProblemType("unauthenticated", 401);
    public static final ProblemType INVALID_TOKEN = new ProblemType("invalid-token", 401);
    public static final ProblemType FORBIDDEN = new ProblemType("forbidden", 403);
    public static final ProblemType SECOND_FACTOR_REQUIRED = new ProblemType("second-factor-required", 403);
    public static final ProblemType NOT_FOUND = new ProblemType("not-found", 404);
    public static final ProblemType METHOD_NOT_ALLOWED = new ProblemType("method-not-allowed", 405);
    public static final ProblemType CONFLICT = new ProblemType("conflict", 409);
    public static final ProblemType IDEMPOTENCY_IN_PROGRESS = new ProblemType("idempotency-in-progress", 409);
    public static final ProblemType IDEMPOTENCY_MISMATCH = new ProblemType("idempotency-key-reused", 422);
    public static final ProblemType RATE_LIMITED = new ProblemType("rate-limited", 429);
    public static final ProblemType INTERNAL = new ProblemType("internal", 500);

    public String typeUri() {
        return "/problems/" + slug;
    }
}
