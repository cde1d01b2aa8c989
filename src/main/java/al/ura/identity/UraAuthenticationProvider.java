package al.ura.identity;

import java.io.Serial;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** The password step of the sign-in form, on top of {@link LoginService}. */
@Component
class UraAuthenticationProvider implements AuthenticationProvider {

    private final LoginService login;
    private final ActorFactory actors;

    UraAuthenticationProvider(LoginService login, ActorFactory actors) {
        this.login = login;
        this.actors = actors;
    }

    static final class ThrottledException extends AuthenticationException {
        @Serial
        private static final long serialVersionUID = 1L;

        ThrottledException() {
            super("too many failed sign-ins from this address");
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String email = String.valueOf(authentication.getName());
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : "unknown";
        return switch (login.checkPassword(email, password, address)) {
            case LoginService.PasswordOutcome.Accepted accepted ->
                UsernamePasswordAuthenticationToken.authenticated(
                        SessionAuthorities.FULL.equals(accepted.nextStage())
                                ? actors.full(accepted.user())
                                : actors.pending(accepted.user()),
                        null,
                        SessionAuthorities.of(accepted.nextStage()));
            case LoginService.PasswordOutcome.Rejected rejected -> throw new BadCredentialsException("rejected");
            case LoginService.PasswordOutcome.Locked locked -> throw new LockedException("locked");
            case LoginService.PasswordOutcome.Throttled throttled -> throw new ThrottledException();
        };
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
