package al.ura.identity;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Invite a person into an organisation with roles; they set their own password through the link. */
public record InviteUserCommand(
        @Nullable String email,
        @Nullable String displayName,
        @Nullable List<String> roles,
        @Nullable String locale) {}
