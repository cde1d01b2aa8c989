package al.ura.monitoring;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** An agreement to record or correct; {@code version} is the one the correction was made on. */
public record AgreementCommand(
        @Nullable String title,
        @Nullable String parties,
        AgreementView.@Nullable Kind kind,
        AgreementView.@Nullable Partner partner,
        @Nullable LocalDate signedOn,
        @Nullable String scope,
        AgreementView.@Nullable Status status,
        @Nullable Integer version) {}
