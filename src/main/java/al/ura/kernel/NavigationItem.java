package al.ura.kernel;

/**
 * An entry a module adds to the main navigation: shown only to actors holding one of the listed
 * permissions (or to every signed-in person when none is listed).
 */
public record NavigationItem(String labelKey, String path, int order, java.util.Set<String> anyPermission) {

    public NavigationItem {
        anyPermission = java.util.Set.copyOf(anyPermission);
    }

    public boolean visibleTo(Actor actor) {
        return anyPermission.isEmpty() || anyPermission.stream().anyMatch(actor::has);
    }
}
