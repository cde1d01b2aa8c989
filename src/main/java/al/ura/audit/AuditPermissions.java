package al.ura.audit;

/** Permission codes of the audit module. */
public final class AuditPermissions {

    /** Read every ledger entry, verify the chain and export it. */
    public static final String READ_ALL = "audit.read.all";

    /** Read the entries about one's own organisation. */
    public static final String READ_OWN = "audit.read.own";

    private AuditPermissions() {}
}
