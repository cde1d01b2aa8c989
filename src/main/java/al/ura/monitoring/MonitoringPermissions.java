package al.ura.monitoring;

/** The permission codes of the strategy-monitoring module. */
public final class MonitoringPermissions {

    /** See the strategy, its plan, the periods and the computed figures. */
    public static final String READ = "monitoring.read";

    /** Report progress on the measures one's own institution is responsible for: its strategy contact point's. */
    public static final String REPORT = "monitoring.report";

    /** Maintain the plan, open and lock periods, review submissions, write and publish the report: the operator's coordinator. */
    public static final String COORDINATE = "monitoring.coordinate";

    private MonitoringPermissions() {}
}
