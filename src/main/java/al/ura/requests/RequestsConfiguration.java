package al.ura.requests;

import al.ura.directory.DirectoryPermissions;
import al.ura.kernel.DemoPerson;
import al.ura.kernel.NavigationItem;
import al.ura.kernel.RoleDefinition;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The module's roles, navigation and demo people. The request roles read confidential requests,
 * so each demands a second factor; an organisation's administrator may hand them out.
 */
@Configuration(proxyBeanMethods = false)
class RequestsConfiguration {

    static final String OFFICER = "request-officer";
    static final String AUTHORISER = "request-authoriser";
    static final String COMPLIANCE_OFFICER = "compliance-officer";
    static final String COMPLIANCE_LEAD = "compliance-lead";
    static final String ANALYST = "requests-analyst";

    @Bean
    RoleDefinition requestOfficer() {
        return new RoleDefinition(
                OFFICER,
                Set.of(DirectoryPermissions.READ, RequestPermissions.DRAFT, RequestPermissions.STATISTICS),
                true,
                300,
                true);
    }

    @Bean
    RoleDefinition requestAuthoriser() {
        return new RoleDefinition(
                AUTHORISER,
                Set.of(
                        DirectoryPermissions.READ,
                        RequestPermissions.DRAFT,
                        RequestPermissions.AUTHORISE,
                        RequestPermissions.STATISTICS),
                true,
                310,
                true);
    }

    @Bean
    RoleDefinition complianceOfficer() {
        return new RoleDefinition(
                COMPLIANCE_OFFICER,
                Set.of(DirectoryPermissions.READ, RequestPermissions.HANDLE, RequestPermissions.STATISTICS),
                true,
                320,
                true);
    }

    @Bean
    RoleDefinition complianceLead() {
        return new RoleDefinition(
                COMPLIANCE_LEAD,
                Set.of(
                        DirectoryPermissions.READ,
                        RequestPermissions.HANDLE,
                        RequestPermissions.LEAD,
                        RequestPermissions.STATISTICS),
                true,
                330,
                true);
    }

    /** The platform operator's analyst: every organisation's figures and the catalogue, never a request's content. */
    @Bean
    RoleDefinition requestsAnalyst() {
        return new RoleDefinition(
                ANALYST,
                Set.of(
                        DirectoryPermissions.READ,
                        RequestPermissions.STATISTICS,
                        RequestPermissions.STATISTICS_ALL,
                        RequestPermissions.CATALOGUE),
                false,
                340);
    }

    @Bean
    NavigationItem requestsNavigation() {
        return new NavigationItem(
                "nav.requests",
                "/requests",
                300,
                Set.of(RequestPermissions.DRAFT, RequestPermissions.AUTHORISE, RequestPermissions.HANDLE));
    }

    @Bean
    NavigationItem requestStatisticsNavigation() {
        return new NavigationItem(
                "nav.request-statistics", "/requests/statistics", 310, Set.of(RequestPermissions.STATISTICS));
    }

    @Bean
    @ConditionalOnProperty(name = "ura.demo.enabled", havingValue = "true")
    DemoPerson demoOfficer() {
        return new DemoPerson("hetues@policia.example", "Ilir Hetuesi", "POLICIA-DEMO", List.of(OFFICER), true);
    }

    @Bean
    @ConditionalOnProperty(name = "ura.demo.enabled", havingValue = "true")
    DemoPerson demoSecondOfficer() {
        return new DemoPerson("krime@policia.example", "Jonida Krimet", "POLICIA-DEMO", List.of(OFFICER), true);
    }

    @Bean
    @ConditionalOnProperty(name = "ura.demo.enabled", havingValue = "true")
    DemoPerson demoAuthoriser() {
        return new DemoPerson(
                "autorizues@policia.example", "Klodian Autorizuesi", "POLICIA-DEMO", List.of(AUTHORISER), true);
    }

    @Bean
    @ConditionalOnProperty(name = "ura.demo.enabled", havingValue = "true")
    DemoPerson demoProsecutor() {
        return new DemoPerson(
                "prokuror@prokuroria.example", "Lindita Prokurorja", "PROKURORIA-DEMO", List.of(AUTHORISER), true);
    }

    @Bean
    @ConditionalOnProperty(name = "ura.demo.enabled", havingValue = "true")
    DemoPerson demoCompliance() {
        return new DemoPerson(
                "pajtueshmeria@netdrita.example", "Mira Pajtueshmëria", "NETDRITA", List.of(COMPLIANCE_OFFICER), true);
    }

    @Bean
    @ConditionalOnProperty(name = "ura.demo.enabled", havingValue = "true")
    DemoPerson demoComplianceLead() {
        return new DemoPerson(
                "drejtues@netdrita.example", "Nikolin Drejtuesi", "NETDRITA", List.of(COMPLIANCE_LEAD), true);
    }

    @Bean
    @ConditionalOnProperty(name = "ura.demo.enabled", havingValue = "true")
    DemoPerson demoHostingCompliance() {
        return new DemoPerson("ligjore@retehost.example", "Orkida Ligjore", "RETEHOST", List.of(COMPLIANCE_LEAD), true);
    }

    @Bean
    @ConditionalOnProperty(name = "ura.demo.enabled", havingValue = "true")
    DemoPerson demoPlatformCompliance() {
        return new DemoPerson("kerkesa@fjala.example", "Petrit Kërkesat", "FJALA", List.of(COMPLIANCE_LEAD), true);
    }

    @Bean
    @ConditionalOnProperty(name = "ura.demo.enabled", havingValue = "true")
    DemoPerson demoAnalyst() {
        return new DemoPerson("analist@aksk.example", "Rudina Analistja", "AKSK", List.of(ANALYST), true);
    }
}
