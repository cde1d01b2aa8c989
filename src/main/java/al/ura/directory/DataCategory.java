package al.ura.directory;

/** The categories of data a provider can disclose (seed 000 §27); names under {@code directory.data-category.<NAME>}. */
public enum DataCategory {
    SUBSCRIBER_INFORMATION,
    /** Data only to identify a user, such as IP address, source port and time. */
    IDENTIFICATION_DATA,
    TRAFFIC_DATA,
    CONTENT_DATA
}
