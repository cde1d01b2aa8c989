package al.ura.monitoring;

import al.ura.directory.DirectoryFixtures;
import al.ura.directory.OrganisationDirectory;
import al.ura.directory.OrganisationType;
import al.ura.directory.OrganisationView;
import al.ura.identity.IdentityFixtures;
import al.ura.identity.IdentityFixtures.TestUser;
import al.ura.testing.TestClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A strategy the size of the 2024 report's: 4 policies, 14 specific objectives (4, 3, 5, 2) and
 * 48 measures (16, 8, 19, 5), implemented by the platform operator and five institutions, with a
 * 2024 period whose submissions are accepted through the reporting cycle, with activities, and
 * the year's agreements and trainings. Policy 1 reproduces the 2024 report's figures: objectives
 * A–D (weights 0.4, 0.2, 0.2, 0.2) realised 17.8 %, 76.5 %, 72.7 % and 75 %, so the policy is at
 * 51.96 %; 7 of its 16 measures realised (43.75 %), 5 in progress (31.25 %), 1 not realised
 * (6.25 %) and 3 without information (18.75 %).
 */
@Component
public class ReportFixtures {

    static final int[] OBJECTIVES = {4, 3, 5, 2};
    static final int[][] MEASURES = {{4, 4, 4, 4}, {3, 3, 2}, {4, 4, 4, 4, 3}, {3, 2}};

    /** Policy 1's measures, objective by objective: status and percentage (null: no report). */
    static final Object[][][] POLICY_ONE = {
        {{MeasureStatus.PARTIAL, "35.6"}, {MeasureStatus.PARTIAL, "35.6"}, null, null},
        {
            {MeasureStatus.REALISED, "100"},
            {MeasureStatus.REALISED, "100"},
            {MeasureStatus.PARTIAL, "56"},
            {MeasureStatus.PARTIAL, "50"}
        },
        {{MeasureStatus.REALISED, "100"}, {MeasureStatus.REALISED, "100"}, {MeasureStatus.PARTIAL, "90.8"}, null},
        {
            {MeasureStatus.REALISED, "100"},
            {MeasureStatus.REALISED, "100"},
            {MeasureStatus.REALISED, "100"},
            {MeasureStatus.NOT_REALISED, "0"}
        }
    };

    private final DirectoryFixtures directoryFixtures;
    private final OrganisationDirectory directory;
    private final IdentityFixtures people;
    private final StrategyPlans plans;
    private final ProgressReporting reporting;
    private final MonitoringRegisters registers;
    /** Only database tests have a settable clock; the browser tests' contexts see this fixture but never use it. */
    private final org.springframework.beans.factory.ObjectProvider<TestClock> clock;

    ReportFixtures(
            DirectoryFixtures directoryFixtures,
            OrganisationDirectory directory,
            IdentityFixtures people,
            StrategyPlans plans,
            ProgressReporting reporting,
            MonitoringRegisters registers,
            org.springframework.beans.factory.ObjectProvider<TestClock> clock) {
        this.directoryFixtures = directoryFixtures;
        this.directory = directory;
        this.people = people;
        this.plans = plans;
        this.reporting = reporting;
        this.registers = registers;
        this.clock = clock;
    }

    public record Report(
            UUID strategyId,
            UUID periodId,
            List<OrganisationView> institutions,
            TestUser coordinator,
            Map<UUID, TestUser> reporters,
            TestUser reader,
            TestUser bystander,
            int activities,
            int agreements,
            int events) {}

    /**
     * The strategy, its 2024 period with every submission accepted and {@code activities} activities
     * spread over them, the coordinator's texts, 16 agreements and 8 activities of the year;
     * {@code lock}: the period locked, as it is when the report is read.
     */
    public Report report(int activities, boolean lock) {
        clock.getObject().set(Instant.parse("2025-01-20T09:00:00Z"));
        OrganisationView operator = directory.platformOperator().orElseThrow();
        List<OrganisationView> institutions = new ArrayList<>();
        institutions.add(operator);
        OrganisationType[] types = {
            OrganisationType.PUBLIC_AGENCY,
            OrganisationType.LAW_ENFORCEMENT,
            OrganisationType.PUBLIC_AGENCY,
            OrganisationType.CSIRT_SOC,
            OrganisationType.PUBLIC_AGENCY
        };
        for (OrganisationType type : types) {
            institutions.add(directoryFixtures.organisation(type, "AL"));
        }
        TestUser coordinator = people.user(operator, MonitoringConfiguration.COORDINATOR);
        Map<UUID, TestUser> reporters = new LinkedHashMap<>();
        for (OrganisationView institution : institutions) {
            reporters.put(institution.id(), people.user(institution, MonitoringConfiguration.REPORTER));
        }
        String code = "SKSK-" + UUID.randomUUID().toString().substring(0, 6);
        UUID strategyId =
                plans.importPlan(coordinator.actor(), plan(code, institutions)).strategyId();
        PeriodView period = reporting.openPeriod(coordinator.actor(), strategyId, 2024, LocalDate.of(2025, 1, 31));
        StrategyView strategy = plans.load(strategyId).orElseThrow();

        // What each measure reports: policy 1 as in 2024, the others in a fixed pattern.
        Map<String, Object[]> outcome = new LinkedHashMap<>();
        int index = 0;
        for (StrategyView.PolicyView policy : strategy.policies()) {
            for (int o = 0; o < policy.objectives().size(); o++) {
                List<StrategyView.MeasureView> measures =
                        policy.objectives().get(o).measures();
                for (int m = 0; m < measures.size(); m++) {
                    Object[] result;
                    if (policy.number() == 1) {
                        result = POLICY_ONE[o][m];
                    } else {
                        result = switch (index % 7) {
                            case 0, 1, 2 -> new Object[] {MeasureStatus.REALISED, "100"};
                            case 3, 4 -> new Object[] {MeasureStatus.PARTIAL, String.valueOf(15 + (index * 13) % 80)};
                            case 5 -> new Object[] {MeasureStatus.NOT_REALISED, "0"};
                            default -> null;
                        };
                    }
                    if (result != null) {
                        outcome.put(measures.get(m).code(), result);
                    }
                    index++;
                }
            }
        }
        List<String> withActivities = outcome.entrySet().stream()
                .filter(e -> e.getValue()[0] != MeasureStatus.NOT_REALISED)
                .map(Map.Entry::getKey)
                .toList();
        Map<String, Integer> activityCount = new HashMap<>();
        for (int i = 0; i < activities; i++) {
            activityCount.merge(withActivities.get(i % withActivities.size()), 1, Integer::sum);
        }
        int made = 0;
        for (StrategyView.MeasureView measure : strategy.measures()) {
            Object[] result = outcome.get(measure.code());
            if (result == null) {
                continue;
            }
            MeasureStatus status = (MeasureStatus) result[0];
            List<SubmissionCommand.ActivityCommand> done = new ArrayList<>();
            int count = activityCount.getOrDefault(measure.code(), 0);
            for (int a = 0; a < count; a++) {
                done.add(new SubmissionCommand.ActivityCommand(
                        LocalDate.of(2024, 1 + (a * 5 + made) % 12, 1 + (a * 7 + made) % 28),
                        "Aktiviteti " + (a + 1) + " i masës " + measure.code()
                                + ": u hartua, u konsultua dhe u miratua akti përkatës."));
            }
            made += count;
            TestUser reporter = reporters.get(measure.responsibleId());
            reporting.save(
                    reporter.actor(),
                    period.id(),
                    measure.id(),
                    new SubmissionCommand(
                            status,
                            new BigDecimal((String) result[1]),
                            new BigDecimal("150000.00"),
                            done,
                            status == MeasureStatus.PARTIAL ? "Vonesa në prokurim" : null,
                            status == MeasureStatus.PARTIAL ? "T2 2025" : null,
                            List.of()));
            SubmissionView sent = reporting.submit(reporter.actor(), period.id(), measure.id());
            reporting.review(coordinator.actor(), sent.id(), true, null);
        }
        reporting.writeTexts(
                coordinator.actor(),
                period.id(),
                "Ky raport është hartuar nga Autoriteti me kontributin e institucioneve përgjegjëse.\n\nPërfshin periudhën janar – dhjetor 2024.",
                "This report was prepared by the Authority with the contributions of the responsible institutions.\n\nIt covers January to December 2024.",
                "Ngritja e një sistemi të qëndrueshëm monitorimi dhe vlerësimi.\n\nÇdo institucion të emërojë një pikë kontakti për strategjinë.",
                "A sustainable monitoring and evaluation system.\n\nEach institution should name a contact point for the strategy.");
        int agreements = agreements(coordinator);
        int events = events(coordinator);
        if (lock) {
            reporting.lock(coordinator.actor(), period.id());
        }
        return new Report(
                strategyId,
                period.id(),
                institutions,
                coordinator,
                reporters,
                reporters.get(institutions.get(1).id()),
                people.user(institutions.get(2)),
                made,
                agreements,
                events);
    }

    static PlanDocument plan(String code, List<OrganisationView> institutions) {
        List<PlanDocument.Policy> policies = new ArrayList<>();
        int index = 0;
        for (int p = 0; p < OBJECTIVES.length; p++) {
            int number = p + 1;
            List<PlanDocument.Objective> objectives = new ArrayList<>();
            for (int o = 0; o < OBJECTIVES[p]; o++) {
                String letter = String.valueOf((char) ('A' + o));
                List<PlanDocument.Measure> measures = new ArrayList<>();
                for (int m = 1; m <= MEASURES[p][o]; m++) {
                    String measureCode = number + "." + letter + "." + m;
                    String responsible =
                            institutions.get(index % institutions.size()).shortName();
                    String contributing =
                            institutions.get((index + 1) % institutions.size()).shortName();
                    measures.add(new PlanDocument.Measure(
                            measureCode,
                            "Masa " + measureCode + " e strategjisë",
                            "Measure " + measureCode + " of the strategy",
                            responsible,
                            List.of(contributing),
                            new BigDecimal("250000.00"),
                            "ALL",
                            "Buxheti i shtetit",
                            2020,
                            2025,
                            List.of(),
                            List.of()));
                    index++;
                }
                BigDecimal weight = number == 1 ? new BigDecimal(o == 0 ? "0.4" : "0.2") : null;
                objectives.add(new PlanDocument.Objective(
                        letter,
                        "Objektivi specifik " + number + letter,
                        "Specific objective " + number + letter,
                        weight,
                        measures));
            }
            policies.add(new PlanDocument.Policy(
                    number, "Qëllimi i politikës " + number, "The goal of policy " + number, objectives));
        }
        List<String> due = policies.stream()
                .flatMap(p -> p.objectives().stream())
                .flatMap(o -> o.measures().stream())
                .map(PlanDocument.Measure::code)
                .toList();
        return new PlanDocument(
                code,
                "Strategjia Kombëtare për Sigurinë Kibernetike 2020-2025",
                "National Cyber Security Strategy 2020-2025",
                2020,
                2025,
                "Vendimin nr. 1034 (fiktiv)",
                LocalDate.of(2020, 12, 24),
                "- Zbatimi i vlerave të njëjta themelore në botën fizike dhe digjitale;\n- Qasja për të gjithë;\n- Përgjegjësi e përbashkët",
                "- The same fundamental values in the physical and the digital world;\n- Access for all;\n- Shared responsibility",
                policies,
                List.of(new PlanDocument.ActionPlan(2024, due)));
    }

    private int agreements(TestUser coordinator) {
        String[][] partners = {
            {"Presidenca", "PUBLIC"},
            {"Autoriteti i Mbikëqyrjes Financiare", "PUBLIC"},
            {"Agjencia për të Drejtat e Fëmijëve", "PUBLIC"},
            {"Shoqata e Bankave", "PRIVATE"},
            {"Eurosig", "PRIVATE"},
            {"Drejtoria Kombëtare e Sigurisë Kibernetike e Rumanisë", "FOREIGN"},
            {"Këshilli i Lartë Gjyqësor", "PUBLIC"},
            {"Air Albania", "PRIVATE"},
            {"Albpetrol", "PUBLIC"},
            {"Albsig", "PRIVATE"},
            {"Agjencia Kombëtare e Sigurisë Kibernetike e Italisë", "FOREIGN"},
            {"Instituti Kanadez i Teknologjisë", "FOREIGN"},
            {"Enti Rregullator i Energjisë", "PUBLIC"},
            {"Agjencia Kombëtare e Punësimit dhe Aftësive", "PUBLIC"},
            {"Qendra Protik", "PRIVATE"},
            {"Qendra për Mbrojtjen e të Drejtave të Fëmijëve", "PRIVATE"}
        };
        for (int i = 0; i < partners.length; i++) {
            registers.createAgreement(
                    coordinator.actor(),
                    new AgreementCommand(
                            (i == 3 ? "Memorandum mirëkuptimi me " : "Marrëveshje bashkëpunimi me ") + partners[i][0],
                            "AKSK, " + partners[i][0],
                            i == 3 ? AgreementView.Kind.MEMORANDUM : AgreementView.Kind.AGREEMENT,
                            AgreementView.Partner.valueOf(partners[i][1]),
                            LocalDate.of(2024, 1 + i % 12, 2 + i),
                            "Shkëmbim informacioni dhe reagim ndaj incidenteve",
                            AgreementView.Status.IN_FORCE,
                            null));
        }
        // One of the year before, which the 2024 report does not list.
        registers.createAgreement(
                coordinator.actor(),
                new AgreementCommand(
                        "Marrëveshje e vitit 2023",
                        "AKSK, Partneri i vjetër",
                        AgreementView.Kind.AGREEMENT,
                        AgreementView.Partner.PUBLIC,
                        LocalDate.of(2023, 11, 3),
                        null,
                        AgreementView.Status.IN_FORCE,
                        null));
        return partners.length;
    }

    private int events(TestUser coordinator) {
        Object[][] events = {
            {
                EventView.Kind.TRAINING,
                "Trajnim për menaxhimin e incidenteve",
                2,
                14,
                "AKSK",
                "CSIRT-et sektoriale",
                42,
                3
            },
            {
                EventView.Kind.TRAINING,
                "Trajnim për sigurinë e infrastrukturave kritike",
                3,
                5,
                "AKSK",
                "Operatorët e infrastrukturave",
                65,
                4
            },
            {EventView.Kind.EXERCISE, "NATO Cyber Coalition", 11, 18, "NATO", "Ekipi SOC dhe Red Team", 12, 5},
            {
                EventView.Kind.EXERCISE,
                "Phishing & Ransomware Response: TTX",
                6,
                11,
                "CRDF Global",
                "Institucionet publike",
                30,
                2
            },
            {
                EventView.Kind.AWARENESS,
                "Fushata „Internet i sigurt” në shkolla",
                2,
                6,
                "AKSK",
                "Nxënës dhe mësues",
                850,
                12
            },
            {EventView.Kind.AWARENESS, "Dita e sigurisë kibernetike", 10, 1, "AKSK", "Publiku i gjerë", 400, 1},
            {EventView.Kind.FORUM, "Western Balkans Cyber Dialogue", 11, 20, "AKSK", "Agjencitë e rajonit", 120, 4},
            {
                EventView.Kind.FORUM,
                "Policy Roundtable on ENISA",
                9,
                12,
                "ENISA",
                "Përfaqësues të Ballkanit Perëndimor",
                35,
                1
            }
        };
        for (Object[] e : events) {
            registers.createEvent(
                    coordinator.actor(),
                    new EventCommand(
                            (EventView.Kind) e[0],
                            (String) e[1],
                            LocalDate.of(2024, (Integer) e[2], (Integer) e[3]),
                            (String) e[4],
                            (String) e[5],
                            (Integer) e[6],
                            (Integer) e[7],
                            null));
        }
        registers.createEvent(
                coordinator.actor(),
                new EventCommand(
                        EventView.Kind.TRAINING,
                        "Trajnim i vitit 2023",
                        LocalDate.of(2023, 12, 5),
                        "AKSK",
                        null,
                        20,
                        1,
                        null));
        return events.length;
    }
}
