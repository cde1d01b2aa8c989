package al.ura.directory;

import al.ura.kernel.Actor;
import al.ura.kernel.DemoLoader;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fictional organisations of demo mode (invented names, {@code .example} domains); the other
 * modules' demo people and records belong to them. Loaded first, once.
 */
@Component
class DirectoryDemoData implements DemoLoader {

    record DemoOrganisation(
            String shortName, String nameSq, String nameEn, OrganisationType type, String country, String domain) {}

    static final List<DemoOrganisation> ORGANISATIONS = List.of(
            new DemoOrganisation(
                    "POLICIA-DEMO",
                    "Policia e Shtetit — Sektori i Krimit Kibernetik (demo)",
                    "State Police — Cybercrime Sector (demo)",
                    OrganisationType.LAW_ENFORCEMENT,
                    "AL",
                    "policia.example"),
            new DemoOrganisation(
                    "NETDRITA",
                    "NetDrita sh.p.k. (fiktive)",
                    "NetDrita Ltd (fictional)",
                    OrganisationType.PROVIDER_ELECTRONIC_COMMUNICATIONS,
                    "AL",
                    "netdrita.example"),
            new DemoOrganisation(
                    "SHPRESA",
                    "Shoqata Ura e Shpresës (fiktive)",
                    "Bridge of Hope Association (fictional)",
                    OrganisationType.NGO_SOCIAL_SERVICE,
                    "AL",
                    "shpresa.example"));

    private final OrganisationDirectory directory;
    private final boolean demoEnabled;

    DirectoryDemoData(OrganisationDirectory directory, @Value("${ura.demo.enabled:false}") boolean demoEnabled) {
        this.directory = directory;
        this.demoEnabled = demoEnabled;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    @Transactional
    public void load() {
        if (!demoEnabled) {
            throw new IllegalStateException("demo data is loaded in demo mode only");
        }
        OrganisationView operator = directory.platformOperator().orElseThrow();
        Actor loader = new Actor(
                Actor.Kind.SYSTEM,
                null,
                operator.id(),
                "demo-loader",
                Set.of(DirectoryPermissions.MANAGE_ORGANISATIONS),
                null);
        for (DemoOrganisation demo : ORGANISATIONS) {
            if (directory.findByShortName(demo.shortName()).isEmpty()) {
                directory.create(
                        loader,
                        new CreateOrganisationCommand(
                                demo.shortName(), demo.nameSq(), demo.nameEn(), demo.type(), demo.country()));
            }
        }
    }
}
