package al.ura.identity;

import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends every session of a user, on every node: sessions live in the database, indexed by user id.
 * In a command-line mode there is no web server and so no session store; nothing to end.
 */
@Component
class SessionRevoker {

    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

    SessionRevoker(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
        this.sessions = sessions;
    }

    int revokeAll(UUID userId) {
        FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
        if (repository == null) {
            return 0;
        }
        var found = repository.findByPrincipalName(userId.toString());
        found.keySet().forEach(repository::deleteById);
        return found.size();
    }
}
