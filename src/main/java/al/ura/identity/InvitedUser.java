package al.ura.identity;

import java.time.Instant;

/** The new user and the one-time path of their invitation, shown once to the administrator. */
public record InvitedUser(UserView user, String invitationPath, Instant invitationExpiresAt) {}
