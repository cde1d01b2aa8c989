package al.ura.monitoring;

/**
 * How a measure stands at the end of a period (the report's classification table). A measure
 * nobody reported on is {@link #NO_INFORMATION}: it counts as not realised, but is kept apart from
 * one reported with no progress, as the 2024 charts show it as its own slice. Names in the bundles
 * under {@code monitoring.status.<NAME>}.
 */
public enum MeasureStatus {
    REALISED,
    PARTIAL,
    NOT_REALISED,
    NO_INFORMATION
}
