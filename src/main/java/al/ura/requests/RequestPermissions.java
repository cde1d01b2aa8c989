package al.ura.requests;

/** The permission codes of the legal-requests module. */
public final class RequestPermissions {

    /** Draft requests, send them for authorisation, withdraw them, log oral emergencies, read the answers: an officer's. */
    public static final String DRAFT = "requests.draft";

    /** Approve (and so sign) or return the requests of one's own organisation: the authorising officer's. */
    public static final String AUTHORISE = "requests.authorise";

    /** Read the requests addressed to one's own organisation and answer them: a provider's compliance officer's. */
    public static final String HANDLE = "requests.handle";

    /** Be told of escalations and manage the organisation's webhooks: a provider's compliance lead. */
    public static final String LEAD = "requests.lead";

    /** Read statistics: one's own organisation's, or every organisation's for the platform operator. */
    public static final String STATISTICS = "requests.statistics";

    /** Every organisation's statistics and the national transparency report, never a request's content. */
    public static final String STATISTICS_ALL = "requests.statistics.all";

    /** Maintain the catalogue of legal provisions and the treaty parties: the platform operator's. */
    public static final String CATALOGUE = "requests.catalogue.manage";

    private RequestPermissions() {}
}
