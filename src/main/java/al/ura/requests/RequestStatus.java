package al.ura.requests;

import java.util.EnumSet;
import java.util.Set;

/** Where a request stands; names in the bundles under {@code requests.status.<NAME>}. */
public enum RequestStatus {
    DRAFT,
    AWAITING_AUTHORISATION,
    SUBMITTED,
    RECEIVED,
    ACKNOWLEDGED,
    CLARIFICATION_REQUESTED,
    IN_PROGRESS,
    ANSWERED_FULL,
    ANSWERED_PART,
    REFUSED,
    IMPOSSIBLE,
    CLOSED,
    WITHDRAWN;

    /** Sent and not yet answered: the provider's open work, and what deconfliction compares. */
    static final Set<RequestStatus> OPEN =
            EnumSet.of(SUBMITTED, RECEIVED, ACKNOWLEDGED, CLARIFICATION_REQUESTED, IN_PROGRESS);

    /** The provider's outcomes. */
    static final Set<RequestStatus> ANSWERED = EnumSet.of(ANSWERED_FULL, ANSWERED_PART, REFUSED, IMPOSSIBLE);

    /** Whether the provider has it: sent by the requester's authoriser. */
    boolean sent() {
        return this != DRAFT && this != AWAITING_AUTHORISATION;
    }

    boolean open() {
        return OPEN.contains(this);
    }

    /** The requester may withdraw it until it is answered (§ lifecycle). */
    boolean withdrawable() {
        return this == DRAFT || this == AWAITING_AUTHORISATION || OPEN.contains(this);
    }
}
