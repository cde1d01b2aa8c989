package al.ura.directory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A service a provider runs and what it can disclose about it. {@code sharedAddresses}: the
 * provider shares public IP addresses between customers (carrier-grade NAT), so an IP address
 * identifies nobody without its source port and exact time with time zone.
 */
public record ProviderServiceView(
        UUID id,
        UUID organisationId,
        String name,
        @Nullable String url,
        String description,
        boolean sharedAddresses,
        List<Offering> offerings,
        @Nullable Duration declaredAnswerTime,
        @Nullable Duration declaredEmergencyAnswerTime) {

    public ProviderServiceView {
        offerings = List.copyOf(offerings);
    }

    /** One data type the service can disclose, how long it is kept, and what the provider needs to disclose it. */
    public record Offering(DataItem item, int retentionDays, LegalProcess legalProcess) {}

    public Optional<Offering> offering(DataItem item) {
        return offerings.stream().filter(o -> o.item() == item).findFirst();
    }
}
