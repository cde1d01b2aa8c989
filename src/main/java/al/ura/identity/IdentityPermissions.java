package al.ura.identity;

public final class IdentityPermissions {

    /** Manage the users, roles and service accounts of one's own organisation. */
    public static final String USERS_MANAGE = "identity.users.manage";

    /** Manage users of any organisation (the platform operator's onboarding). */
    public static final String USERS_MANAGE_ANY = "identity.users.manage.any";

    /** Issue and revoke API tokens for one's own organisation's service accounts. */
    public static final String TOKENS_MANAGE = "identity.tokens.manage";

    /** Scrape operational metrics. */
    public static final String METRICS_READ = "platform.metrics.read";

    private IdentityPermissions() {}
}
