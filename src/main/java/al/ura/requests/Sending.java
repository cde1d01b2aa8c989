package al.ura.requests;

import al.ura.kernel.ProblemException;

/** What writing and sending a new request in one step did: sent for authorisation, or kept as a draft. */
public sealed interface Sending {

    /** The request as stored; for {@link Sent} it awaits authorisation, for {@link KeptAsDraft} it is a draft. */
    RequestView request();

    /** Valid, stored and waiting for the organisation's authorisers. */
    record Sent(RequestView request) implements Sending {}

    /** Not valid: kept as a draft with everything typed; {@code problem} names each field to mend. */
    record KeptAsDraft(RequestView request, ProblemException problem) implements Sending {}
}
