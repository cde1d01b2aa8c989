package al.ura.directory;

/** The finer data types under each category; names under {@code directory.data-item.<NAME>}. */
public enum DataItem {
    SUBSCRIBER_IDENTITY(DataCategory.SUBSCRIBER_INFORMATION),
    SUBSCRIBER_ADDRESS(DataCategory.SUBSCRIBER_INFORMATION),
    CONTRACT_AND_BILLING(DataCategory.SUBSCRIBER_INFORMATION),
    ACCOUNT_REGISTRATION(DataCategory.SUBSCRIBER_INFORMATION),
    IP_ASSIGNMENT(DataCategory.IDENTIFICATION_DATA),
    LOGIN_RECORDS(DataCategory.IDENTIFICATION_DATA),
    DEVICE_IDENTIFIERS(DataCategory.IDENTIFICATION_DATA),
    CALL_AND_MESSAGE_RECORDS(DataCategory.TRAFFIC_DATA),
    CONNECTION_RECORDS(DataCategory.TRAFFIC_DATA),
    LOCATION_DATA(DataCategory.TRAFFIC_DATA),
    STORED_MESSAGES(DataCategory.CONTENT_DATA),
    STORED_FILES(DataCategory.CONTENT_DATA),
    PUBLISHED_CONTENT(DataCategory.CONTENT_DATA);

    private final DataCategory category;

    DataItem(DataCategory category) {
        this.category = category;
    }

    public DataCategory category() {
        return category;
    }
}
