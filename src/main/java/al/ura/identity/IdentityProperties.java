package al.ura.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings.
 *
 * @param maxFailedLogins wrong passwords or codes in a row before the account locks
 * @param lockDuration how long a locked account stays locked
 * @param clientFailureLimit failed sign-ins from one address within {@code clientFailureWindow} before it is refused
 * @param clientFailureWindow the window for counting one address's failures
 * @param invitationValidity how long an invitation link works
 * @param tokenUseAuditInterval how often one token's use is written to the ledger (zero: every request)
 * @param issuer the name authenticator apps show
 */
@ConfigurationProperties("ura.identity")
record IdentityProperties(
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("30") int clientFailureLimit,
        @DefaultValue("15m") Duration clientFailureWindow,
        @DefaultValue("72h") Duration invitationValidity,
        @DefaultValue("1m") Duration tokenUseAuditInterval,
        @DefaultValue("Ura") String issuer) {}
