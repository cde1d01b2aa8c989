package al.ura.directory;

public final class DirectoryPermissions {

    /** See the directory of organisations. */
    public static final String READ = "directory.read";

    /** Onboard, verify, suspend and reinstate organisations, check contacts' reachability: the platform operator's. */
    public static final String MANAGE_ORGANISATIONS = "directory.organisations.manage";

    /**
     * Maintain one's own organisation's entry: profile, contacts, services, documents, keys; read its
     * change history; be reminded of contacts to re-verify.
     */
    public static final String MANAGE_OWN = "directory.own.manage";

    private DirectoryPermissions() {}
}
