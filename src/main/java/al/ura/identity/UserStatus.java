package al.ura.identity;

public enum UserStatus {
    /** Created, waiting for the person to accept the invitation and set a password. */
    INVITED,
    ACTIVE,
    DISABLED
}
