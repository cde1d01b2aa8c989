package al.ura.directory;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A service a provider declares, with what it can disclose. {@code answerHours} and
 * {@code emergencyAnswerHours}: the provider's declared average answer times (seed 000 §54).
 */
public record ProviderServiceCommand(
        @Nullable String name,
        @Nullable String url,
        @Nullable String description,
        @Nullable Boolean sharedAddresses,
        @Nullable List<Offering> offerings,
        @Nullable Integer answerHours,
        @Nullable Integer emergencyAnswerHours) {

    /** Missing means no. */
    public boolean addressesShared() {
        return Boolean.TRUE.equals(sharedAddresses);
    }

    /** One data type: how many days it is kept and which legal process the provider needs to disclose it. */
    public record Offering(
            @Nullable DataItem item,
            @Nullable Integer retentionDays,
            @Nullable LegalProcess legalProcess) {}
}
