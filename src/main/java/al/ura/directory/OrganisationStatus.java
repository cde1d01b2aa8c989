package al.ura.directory;

public enum OrganisationStatus {
    ACTIVE,
    SUSPENDED
}
