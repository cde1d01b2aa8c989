package al.ura.kernel;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Display names of people by user id, for modules that record ids (the ledger) and show them to
 * readers who may know who acted. The identity module answers it.
 */
public interface PeopleNames {

    Map<UUID, String> displayNames(Collection<UUID> userIds);
}
