package al.ura.identity;

import al.ura.kernel.Actor;
import java.util.Set;
import org.springframework.stereotype.Component;

@Component
class ActorFactory {

    private final RoleCatalogue roles;

    ActorFactory(RoleCatalogue roles) {
        this.roles = roles;
    }

    /** The actor with every permission the user's roles grant. */
    Actor full(UserRecord user) {
        return new Actor(
                Actor.Kind.USER,
                user.id(),
                user.organisationId(),
                user.displayName(),
                roles.permissionsOf(user.roles()),
                null);
    }

    /** The actor of a session that has not yet passed its second factor: it may do nothing. */
    Actor pending(UserRecord user) {
        return new Actor(Actor.Kind.USER, user.id(), user.organisationId(), user.displayName(), Set.of(), null);
    }
}
