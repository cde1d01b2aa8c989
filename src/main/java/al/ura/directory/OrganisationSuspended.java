package al.ura.directory;

import java.time.Instant;
import java.util.UUID;

/**
 * Published in the transaction that suspends an organisation: its people's sessions end and its
 * tokens stop working (the identity module listens).
 */
public record OrganisationSuspended(UUID organisationId, Instant at) {}
