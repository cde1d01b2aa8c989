package al.ura.directory;

/** Whether a contact point is a desk (a shared function, the preferred kind) or a named person. */
public enum ContactKind {
    DESK,
    PERSON
}
