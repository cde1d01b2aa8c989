package al.ura.monitoring;

import al.ura.directory.DirectoryFixtures;
import al.ura.directory.OrganisationType;
import al.ura.directory.OrganisationView;
import al.ura.identity.IdentityFixtures;
import al.ura.identity.IdentityFixtures.TestUser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A small strategy for the monitoring tests: two policies, the first with the 2024 report's
 * weights (0.4, 0.2, 0.2, 0.2), measures of two institutions, an indicator bound to the
 * legal-requests figure, and the people: the coordinator and a contact point of each institution.
 */
@Component
public class MonitoringFixtures {

    private final DirectoryFixtures directory;
    private final IdentityFixtures people;
    private final StrategyPlans plans;

    MonitoringFixtures(DirectoryFixtures directory, IdentityFixtures people, StrategyPlans plans) {
        this.directory = directory;
        this.people = people;
        this.plans = plans;
    }

    public record World(
            UUID strategyId,
            String code,
            OrganisationView ministry,
            OrganisationView police,
            TestUser coordinator,
            TestUser ministryReporter,
            TestUser policeReporter,
            TestUser bystander) {}

    public World world() {
        OrganisationView ministry = directory.organisation(OrganisationType.PUBLIC_AGENCY, "AL");
        OrganisationView police = directory.organisation(OrganisationType.LAW_ENFORCEMENT, "AL");
        OrganisationView operator = directory.organisation(OrganisationType.NATIONAL_AUTHORITY, "AL");
        TestUser coordinator = people.user(operator, MonitoringConfiguration.COORDINATOR);
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8);
        PlanDocument plan = plan(code, ministry.shortName(), police.shortName());
        UUID id = plans.importPlan(coordinator.actor(), plan).strategyId();
        return new World(
                id,
                code,
                ministry,
                police,
                coordinator,
                people.user(ministry, MonitoringConfiguration.REPORTER),
                people.user(police, MonitoringConfiguration.REPORTER),
                people.user(ministry));
    }

    /** Policy 1: objectives A (0.4) … D (0.2) with measures 1.A.1, 1.A.2 (ministry), 1.B.1 … 1.D.1 (police); policy 2 equal weights. */
    public static PlanDocument plan(String code, String ministry, String police) {
        List<PlanDocument.Objective> first = new ArrayList<>();
        String[] letters = {"A", "B", "C", "D"};
        String[] weights = {"0.4", "0.2", "0.2", "0.2"};
        for (int i = 0; i < letters.length; i++) {
            List<PlanDocument.Measure> measures = new ArrayList<>();
            int count = i == 0 ? 2 : 1;
            for (int m = 1; m <= count; m++) {
                String measureCode = "1." + letters[i] + "." + m;
                List<PlanDocument.Indicator> indicators = measureCode.equals("1.D.1")
                        ? List.of(new PlanDocument.Indicator(
                                "Kërkesa të përgjigjura",
                                "Requests answered",
                                "count",
                                null,
                                new BigDecimal("100"),
                                "requests.answered"))
                        : List.of(new PlanDocument.Indicator(
                                "Tregues", "Indicator", "count", BigDecimal.ONE, BigDecimal.TEN, null));
                measures.add(new PlanDocument.Measure(
                        measureCode,
                        "Masa " + measureCode,
                        "Measure " + measureCode,
                        i == 0 ? ministry : police,
                        i == 0 ? List.of(police) : List.of(),
                        new BigDecimal("1000000.00"),
                        "ALL",
                        "Buxheti i shtetit",
                        2020,
                        2025,
                        indicators,
                        List.of(new PlanDocument.Activity("Aktivitet", "Activity"))));
            }
            first.add(new PlanDocument.Objective(
                    letters[i],
                    "Objektivi " + letters[i],
                    "Objective " + letters[i],
                    new BigDecimal(weights[i]),
                    measures));
        }
        List<PlanDocument.Objective> second = List.of(
                new PlanDocument.Objective(
                        "A",
                        "Objektivi 2A",
                        "Objective 2A",
                        null,
                        List.of(new PlanDocument.Measure(
                                "2.A.1",
                                "Masa 2.A.1",
                                "Measure 2.A.1",
                                ministry,
                                List.of(),
                                null,
                                null,
                                null,
                                2020,
                                2025,
                                List.of(),
                                List.of()))),
                new PlanDocument.Objective(
                        "B",
                        "Objektivi 2B",
                        "Objective 2B",
                        null,
                        List.of(new PlanDocument.Measure(
                                "2.B.1",
                                "Masa 2.B.1",
                                "Measure 2.B.1",
                                police,
                                List.of(),
                                null,
                                null,
                                null,
                                2020,
                                2025,
                                List.of(),
                                List.of()))));
        return new PlanDocument(
                code,
                "Strategjia e testit",
                "Test strategy",
                2020,
                2025,
                "VKM nr. 1 (fiktiv)",
                java.time.LocalDate.of(2020, 12, 24),
                "Parimet",
                "Principles",
                List.of(
                        new PlanDocument.Policy(1, "Qëllimi 1", "Goal 1", first),
                        new PlanDocument.Policy(2, "Qëllimi 2", "Goal 2", second)),
                List.of(new PlanDocument.ActionPlan(
                        2024, List.of("1.A.1", "1.A.2", "1.B.1", "1.C.1", "1.D.1", "2.A.1", "2.B.1"))));
    }
}
