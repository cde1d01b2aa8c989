package al.ura.kernel;

/**
 * A module's fictional demo data, loaded at start in demo mode only, after the platform operator
 * exists. Loaders run in ascending {@link #order()}: the directory's organisations (100), then the
 * people and API tokens (200), then what modules keep about them (300 and up). Each load is
 * idempotent: on later starts it finds its data there and adds nothing.
 */
public interface DemoLoader {

    int order();

    void load();
}
