package al.ura.identity;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

public record IssueTokenCommand(
        @Nullable UUID serviceAccountId,
        @Nullable String name,
        @Nullable List<String> permissions,
        @Nullable Integer validDays) {}
