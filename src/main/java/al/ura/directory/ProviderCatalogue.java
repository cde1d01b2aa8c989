package al.ura.directory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What each service provider declares it can disclose (seed 000 §50): its services and, per
 * service, the data types with their retention and required legal process. Public within Ura; the
 * legal-requests module validates requests against it.
 */
public interface ProviderCatalogue {

    /** The provider's current services, by name; empty for an organisation that is not a provider. */
    List<ProviderServiceView> servicesOf(UUID providerOrganisationId);

    /** A service by id, retired ones included (a request made against it still names it). */
    Optional<ProviderServiceView> service(UUID serviceId);

    /** A service with its offerings, and whether the provider has retired it, in one read. */
    Optional<ServiceState> serviceState(UUID serviceId);

    /** A service and whether it is retired (no new request may name a retired one). */
    record ServiceState(ProviderServiceView service, boolean retired) {}
}
