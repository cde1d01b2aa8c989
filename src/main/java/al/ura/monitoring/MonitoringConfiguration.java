package al.ura.monitoring;

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
 * The module's roles, navigation and demo people. Progress reports are not confidential (the
 * report is published), so neither role demands a second factor; the reporter's role is handed
 * out by each institution's own administrator.
 */
@Configuration(proxyBeanMethods = false)
class MonitoringConfiguration {

    static final String COORDINATOR = "strategy-coordinator";
    static final String REPORTER = "strategy-reporter";

    @Bean
    RoleDefinition strategyCoordinator() {
        return new RoleDefinition(
                COORDINATOR,
                Set.of(DirectoryPermissions.READ, MonitoringPermissions.READ, MonitoringPermissions.COORDINATE),
                false,
                400);
    }

    @Bean
    RoleDefinition strategyReporter() {
        return new RoleDefinition(
                REPORTER,
                Set.of(DirectoryPermissions.READ, MonitoringPermissions.READ, MonitoringPermissions.REPORT),
                false,
                410,
                true);
    }

    @Bean
    NavigationItem monitoringNavigation() {
        return new NavigationItem(
                "nav.monitoring",
                "/monitoring",
                500,
                Set.of(MonitoringPermissions.READ, MonitoringPermissions.COORDINATE, MonitoringPermissions.REPORT));
    }

    @Bean
    @ConditionalOnProperty(name = "ura.demo.enabled", havingValue = "true")
    DemoPerson demoCoordinator() {
        return new DemoPerson("strategjia@aksk.example", "Sokol Koordinatori", "AKSK", List.of(COORDINATOR), false);
    }

    @Bean
    @ConditionalOnProperty(name = "ura.demo.enabled", havingValue = "true")
    DemoPerson demoOperatorReporter() {
        return new DemoPerson("raportim@aksk.example", "Zana Raportuesja", "AKSK", List.of(REPORTER), false);
    }

    @Bean
    @ConditionalOnProperty(name = "ura.demo.enabled", havingValue = "true")
    DemoPerson demoMinistryReporter() {
        return new DemoPerson(
                "strategjia@ministria.example", "Teuta Raportuesja", "MINISTRIA-DEMO", List.of(REPORTER), false);
    }

    @Bean
    @ConditionalOnProperty(name = "ura.demo.enabled", havingValue = "true")
    DemoPerson demoPoliceReporter() {
        return new DemoPerson(
                "strategjia@policia.example", "Urim Raportuesi", "POLICIA-DEMO", List.of(REPORTER), false);
    }

    @Bean
    @ConditionalOnProperty(name = "ura.demo.enabled", havingValue = "true")
    DemoPerson demoCsirtReporter() {
        return new DemoPerson("strategjia@csirt.example", "Vjosa Raportuesja", "CSIRT-DEMO", List.of(REPORTER), false);
    }
}
