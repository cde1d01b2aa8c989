package al.ura.audit;

public enum AuditOutcome {
    DONE,
    DENIED
}
