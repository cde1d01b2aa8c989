package al.ura.identity;

import al.ura.directory.CreateOrganisationCommand;
import al.ura.directory.OrganisationDirectory;
import al.ura.directory.OrganisationView;
import al.ura.kernel.Actor;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform operator onboards an organisation with its directory profile, its first signing key
 * and its first administrator (an invitation link that expires), in one transaction: a wrong field
 * in either leaves nothing behind. The organisation starts as registered; the operator verifies it
 * in the directory.
 */
@Service
public class OnboardingService {

    /** The organisation and the person who will administer it. */
    public record OnboardCommand(
            @Nullable String shortName,
            @Nullable String nameSq,
            @Nullable String nameEn,
            al.ura.directory.@Nullable OrganisationType type,
            @Nullable String country,
            @Nullable String adminEmail,
            @Nullable String adminName,
            @Nullable String adminLocale,
            al.ura.directory.@Nullable Sector sector,
            @Nullable List<String> officialDomains,
            @Nullable String switchboardPhone,
            @Nullable String website,
            @Nullable String postalAddress,
            @Nullable List<String> languages) {

        /** The organisation's five required fields and its first administrator; the profile is filled in later. */
        public OnboardCommand(
                @Nullable String shortName,
                @Nullable String nameSq,
                @Nullable String nameEn,
                al.ura.directory.@Nullable OrganisationType type,
                @Nullable String country,
                @Nullable String adminEmail,
                @Nullable String adminName,
                @Nullable String adminLocale) {
            this(
                    shortName,
                    nameSq,
                    nameEn,
                    type,
                    country,
                    adminEmail,
                    adminName,
                    adminLocale,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
    }

    public record Onboarded(OrganisationView organisation, InvitedUser administrator) {}

    private final OrganisationDirectory directory;
    private final UserAdministration users;

    OnboardingService(OrganisationDirectory directory, UserAdministration users) {
        this.directory = directory;
        this.users = users;
    }

    @Transactional
    public Onboarded onboard(Actor actor, OnboardCommand command) {
        OrganisationView organisation = directory.create(
                actor,
                new CreateOrganisationCommand(
                        command.shortName(),
                        command.nameSq(),
                        command.nameEn(),
                        command.type(),
                        command.country(),
                        command.sector(),
                        command.officialDomains(),
                        command.switchboardPhone(),
                        command.website(),
                        command.postalAddress(),
                        command.languages()));
        InvitedUser admin = users.invite(
                actor,
                organisation.id(),
                new InviteUserCommand(
                        command.adminEmail(),
                        command.adminName(),
                        List.of(CoreRoles.ORGANISATION_ADMIN),
                        command.adminLocale()));
        return new Onboarded(organisation, admin);
    }
}
