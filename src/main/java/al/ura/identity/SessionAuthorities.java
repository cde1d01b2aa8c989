package al.ura.identity;

import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * How far a session has come: only a session that has passed every factor it needs holds
 * {@code FULL}; the security rules let the others reach nothing but the next step.
 */
final class SessionAuthorities {

    static final String FULL = "SESSION_FULL";
    static final String SECOND_FACTOR_PENDING = "SESSION_SECOND_FACTOR_PENDING";
    static final String ENROLMENT_PENDING = "SESSION_ENROLMENT_PENDING";

    private SessionAuthorities() {}

    static List<GrantedAuthority> of(String stage) {
        return List.of(new SimpleGrantedAuthority(stage));
    }
}
