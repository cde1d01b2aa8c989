package al.ura.identity;

public enum UserKind {
    /** A person who signs in. */
    PERSON,
    /** A machine client that acts only through API tokens. */
    SERVICE
}
