package al.ura.kernel;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The actor of the current request or job, read from the security context. */
public final class CurrentActor {

    private CurrentActor() {}

    public static Actor get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
            return actor;
        }
        return Actor.ANONYMOUS;
    }
}
