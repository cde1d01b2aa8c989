package al.ura.identity;

import java.util.UUID;

/** A person has joined their organisation in Ura (accepted an invitation, or was created by the demo). */
public record UserJoined(UUID userId, UUID organisationId) {}
