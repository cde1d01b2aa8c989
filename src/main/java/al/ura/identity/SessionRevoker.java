package al.ura.identity;

import java.util.UUID;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/** Ends every session of a user, on every node: sessions live in the database, indexed by user id. */
@Component
class SessionRevoker {

    private final FindByIndexNameSessionRepository<?> sessions;

    SessionRevoker(FindByIndexNameSessionRepository<?> sessions) {
        this.sessions = sessions;
    }

    int revokeAll(UUID userId) {
        var found = sessions.findByPrincipalName(userId.toString());
        found.keySet().forEach(sessions::deleteById);
        return found.size();
    }
}
