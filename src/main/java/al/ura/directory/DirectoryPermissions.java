package al.ura.directory;

public final class DirectoryPermissions {

    /** See the directory of organisations. */
    public static final String READ = "directory.read";

    /** Onboard, suspend and verify organisations: the platform operator's. */
    public static final String MANAGE_ORGANISATIONS = "directory.organisations.manage";

    private DirectoryPermissions() {}
}
