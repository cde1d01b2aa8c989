package al.ura.requests;

/** How urgent a request is for its provider's queue (§30); names under {@code requests.priority.<NAME>}. */
public enum Priority {
    CRITICAL,
    HIGH,
    NORMAL,
    LOW
}
