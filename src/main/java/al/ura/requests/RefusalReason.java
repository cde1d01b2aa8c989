package al.ura.requests;

/** Why a provider refused or could not answer (§57; ETSI TS 103 120's reference workflows); names under {@code requests.reason.<NAME>}. */
public enum RefusalReason {
    MALFORMED_IDENTIFIERS,
    TOO_BROAD,
    DATA_DOES_NOT_EXIST,
    NO_LONGER_RETAINED,
    NOT_OUR_SERVICE_OR_CUSTOMER,
    NEEDS_JUDICIAL_OR_MLA_ROUTE,
    INSUFFICIENT_LEGAL_BASIS,
    IMMUNITIES_OR_PRIVILEGES,
    FREEDOM_OF_EXPRESSION_OR_PRESS,
    CONFLICT_OF_LAWS,
    INCOMPLETE_OR_ERRONEOUS,
    OTHER
}
