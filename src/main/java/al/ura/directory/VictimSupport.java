package al.ura.directory;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The victim-support service directory fields (seed 003) of an organisation that serves people:
 * what support it gives, to whom, for which forms of trafficking, where, and notes on capacity.
 * Names under {@code directory.support-type.*}, {@code directory.target-group.*},
 * {@code directory.trafficking-form.*}.
 */
public record VictimSupport(
        UUID organisationId,
        Set<SupportType> supportTypes,
        Set<TargetGroup> targetGroups,
        Set<TraffickingForm> traffickingForms,
        List<String> locations,
        String capacityNotes) {

    public VictimSupport {
        supportTypes = Set.copyOf(supportTypes);
        targetGroups = Set.copyOf(targetGroups);
        traffickingForms = Set.copyOf(traffickingForms);
        locations = List.copyOf(locations);
    }

    public boolean empty() {
        return supportTypes.isEmpty()
                && targetGroups.isEmpty()
                && traffickingForms.isEmpty()
                && locations.isEmpty()
                && capacityNotes.isBlank();
    }

    public enum SupportType {
        SHELTER,
        LEGAL_AID,
        MEDICAL_CARE,
        PSYCHOLOGICAL_SUPPORT,
        SOCIAL_REINTEGRATION,
        EDUCATION_AND_TRAINING,
        EMPLOYMENT_SUPPORT,
        INTERPRETATION,
        HOTLINE,
        RETURN_ASSISTANCE
    }

    public enum TargetGroup {
        WOMEN,
        MEN,
        CHILDREN
    }

    public enum TraffickingForm {
        SEXUAL_EXPLOITATION,
        LABOUR_EXPLOITATION,
        FORCED_BEGGING,
        FORCED_CRIMINALITY,
        FORCED_MARRIAGE,
        ONLINE_EXPLOITATION,
        ORGAN_REMOVAL
    }
}
