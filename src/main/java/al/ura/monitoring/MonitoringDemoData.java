package al.ura.monitoring;

import al.ura.directory.OrganisationDirectory;
import al.ura.directory.OrganisationView;
import al.ura.identity.RoleCatalogue;
import al.ura.identity.UserContacts;
import al.ura.kernel.Actor;
import al.ura.kernel.DemoLoader;
import al.ura.kernel.PeopleNames;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The National Cyber Security Strategy 2020-2025 as far as the 2024 monitoring report gives it —
 * its adopting decision, principles, four policies with their goals and the fourteen specific
 * objectives, with policy 1's weights from the report's footnote — and, where the report does not
 * give them, fictional measures (48, in the report's counts per policy: 16, 8, 19, 5) assigned to
 * the demo institutions. A completed, published 2024 cycle whose shares follow the report's counts,
 * and an open 2025 cycle with submissions in every state.
 */
@Component
class MonitoringDemoData implements DemoLoader {

    static final String CODE = "SKSK-2020-2025";

    private static final String[][] POLICIES = {
        {
            "Garantimi i sigurisë kibernetike në nivel kombëtar, nëpërmjet mbrojtjes së infrastrukturave të informacionit, duke fuqizuar mjetet teknologjike dhe juridike.",
            "Guaranteeing cyber security at national level by protecting information infrastructures and strengthening technological and legal means."
        },
        {
            "Ndërtimi i një mjedisi të sigurt kibernetik, duke edukuar dhe ndërgjegjësuar shoqërinë në ngritjen e kapaciteteve profesionale në fushën e sigurisë së informacionit.",
            "Building a safe cyber environment by educating and raising society's awareness and building professional capacity in information security."
        },
        {
            "Krijimi i mekanizmave të nevojshëm për sigurinë e fëmijëve në hapësirën kibernetike, duke përgatitur njëkohësisht brezin e ri të aftë për të përfituar nga përparësitë e teknologjisë së informacionit dhe për të përballuar sfidat e zhvillimit.",
            "Creating the mechanisms needed for children's safety in cyberspace, while preparing the young generation to benefit from information technology and face the challenges of development."
        },
        {
            "Rritja e bashkëpunimit kombëtar dhe ndërkombëtar në fushën e sigurisë kibernetike me partnerët strategjikë.",
            "Increasing national and international cooperation in cyber security with strategic partners."
        }
    };

    private static final String[][][] OBJECTIVES = {
        {
            {
                "Përmirësimi i kuadrit ligjor që normon dhe rregullon fushën e sigurisë kibernetike në vend, si dhe harmonizimi i tij me direktivat dhe rregulloret e Bashkimit Evropian.",
                "Improving the legal framework of cyber security and harmonising it with the European Union's directives and regulations."
            },
            {
                "Ngritja dhe funksionimi i CSIRT-eve në të gjithë sektorët e industrisë në nivel kombëtar.",
                "Setting up and running CSIRTs in every industry sector at national level."
            },
            {
                "Fuqizimi dhe implementimi i masave të sigurisë në infrastrukturat kritike dhe të rëndësishme të informacionit.",
                "Strengthening and implementing security measures in critical and important information infrastructures."
            },
            {
                "Përmirësimi i infrastrukturave të informacionit për të luftuar krimin kibernetik, radikalizimin dhe ekstremizmin e dhunshëm.",
                "Improving information infrastructures to fight cybercrime, radicalisation and violent extremism."
            }
        },
        {
            {
                "Rritja e kapaciteteve profesionale në fushën e sigurisë së informacionit nëpërmjet rishikimit të kurrikulave arsimore.",
                "Increasing professional capacity in information security by revising educational curricula."
            },
            {
                "Rritja e ndërgjegjësimit dhe e aftësive profesionale të institucioneve publike dhe private për sigurinë kibernetike.",
                "Raising the awareness and professional skills of public and private institutions in cyber security."
            },
            {
                "Rritje e ndërgjegjësimit të shoqërisë, për sigurinë kibernetike dhe kërcënimet kibernetike.",
                "Raising society's awareness of cyber security and cyber threats."
            }
        },
        {
            {
                "Forcimi i kuadrit ligjor për rritjen e sigurisë së fëmijëve në Internet.",
                "Strengthening the legal framework for children's safety on the Internet."
            },
            {
                "Parandalimi i abuzimit seksual të fëmijëve në Internet nëpërmjet rritjes së ndërgjegjësimit dhe krijimit të hapësirave të sigurta për lundrimin në Internet.",
                "Preventing the online sexual abuse of children by raising awareness and creating safe spaces to browse the Internet."
            },
            {
                "Hetimi efektiv dhe sjellja para drejtësisë e autorëve të krimeve kibernetike ndaj fëmijëve, me fokus abuzimin dhe shfrytëzimin seksual.",
                "Effective investigation and prosecution of the perpetrators of cybercrimes against children, focusing on sexual abuse and exploitation."
            },
            {
                "Rritja e ndërgjegjësimit dhe edukimi tek të gjitha segmentet e shoqërisë për përdorimin e sigurtë të Internetit nga fëmijët.",
                "Raising awareness and educating every part of society on children's safe use of the Internet."
            },
            {
                "Forcimi i bashkëpunimit ndërsektorial për mbrojtjen e fëmijëve në Internet.",
                "Strengthening cross-sector cooperation to protect children on the Internet."
            }
        },
        {
            {
                "Forcimi i bashkëpunimit institucional në nivel kombëtar.",
                "Strengthening institutional cooperation at national level."
            },
            {
                "Forcimi i bashkëpunimit ndërkombëtar në fushën e sigurisë dhe mbrojtjes kibernetike dhe luftës kundër ekstremizmit të dhunshëm dhe radikalizimit.",
                "Strengthening international cooperation in cyber security and defence and the fight against violent extremism and radicalisation."
            }
        }
    };

    /** Measures per objective, adding up to the report's 16, 8, 19 and 5 per policy. */
    private static final int[][] MEASURES = {{5, 4, 4, 3}, {3, 3, 2}, {4, 4, 4, 4, 3}, {3, 2}};

    /** The 2024 outcome per policy, as the report counts it: realised, partial; the rest had no information. */
    private static final int[][] OUTCOMES_2024 = {{7, 6}, {3, 3}, {5, 5}, {1, 1}};

    private static final String[] INSTITUTIONS = {"AKSK", "MINISTRIA-DEMO", "POLICIA-DEMO", "CSIRT-DEMO"};

    private final boolean demoEnabled;
    private final JdbcClient jdbc;
    private final StrategyPlans plans;
    private final ProgressReporting reporting;
    private final MonitoringRegisters registers;
    private final OrganisationDirectory directory;
    private final UserContacts people;
    private final PeopleNames names;
    private final RoleCatalogue roles;
    private final TransactionTemplate transaction;

    MonitoringDemoData(
            @Value("${ura.demo.enabled:false}") boolean demoEnabled,
            JdbcClient jdbc,
            StrategyPlans plans,
            ProgressReporting reporting,
            MonitoringRegisters registers,
            OrganisationDirectory directory,
            UserContacts people,
            PeopleNames names,
            RoleCatalogue roles,
            TransactionTemplate transaction) {
        this.demoEnabled = demoEnabled;
        this.jdbc = jdbc;
        this.plans = plans;
        this.reporting = reporting;
        this.registers = registers;
        this.directory = directory;
        this.people = people;
        this.names = names;
        this.roles = roles;
        this.transaction = transaction;
    }

    @Override
    public int order() {
        return 310;
    }

    @Override
    public void load() {
        if (!demoEnabled) {
            throw new IllegalStateException("demo data is loaded in demo mode only");
        }
        if (plans.byCode(CODE).isPresent()) {
            return;
        }
        Map<String, OrganisationView> institutions = new HashMap<>();
        for (String shortName : INSTITUTIONS) {
            directory.findByShortName(shortName).ifPresent(o -> institutions.put(shortName, o));
        }
        if (institutions.size() < INSTITUTIONS.length) {
            return;
        }
        Optional<Actor> coordinator = actor(
                java.util.Objects.requireNonNull(institutions.get("AKSK")),
                MonitoringPermissions.COORDINATE,
                MonitoringConfiguration.COORDINATOR);
        if (coordinator.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> load(coordinator.get(), institutions));
    }

    private void load(Actor coordinator, Map<String, OrganisationView> institutions) {
        List<PlanDocument.Policy> policies = new ArrayList<>();
        List<String> all = new ArrayList<>();
        int n = 0;
        for (int p = 0; p < POLICIES.length; p++) {
            List<PlanDocument.Objective> objectives = new ArrayList<>();
            for (int o = 0; o < OBJECTIVES[p].length; o++) {
                String letter = String.valueOf((char) ('A' + o));
                List<PlanDocument.Measure> measures = new ArrayList<>();
                for (int m = 1; m <= MEASURES[p][o]; m++) {
                    String code = (p + 1) + "." + letter + "." + m;
                    String responsible = INSTITUTIONS[n % INSTITUTIONS.length];
                    String contributing = INSTITUTIONS[(n + 1) % INSTITUTIONS.length];
                    measures.add(new PlanDocument.Measure(
                            code,
                            "Masa " + code + " (fiktive): " + MEASURE_TEXTS_SQ[n % MEASURE_TEXTS_SQ.length],
                            "Measure " + code + " (fictional): " + MEASURE_TEXTS_EN[n % MEASURE_TEXTS_EN.length],
                            responsible,
                            List.of(contributing),
                            BigDecimal.valueOf(2_000_000L + 250_000L * (n % 7)).setScale(2),
                            "ALL",
                            "Buxheti i shtetit / PBA",
                            2020,
                            2025,
                            indicators(code, n),
                            List.of(new PlanDocument.Activity(
                                    "Aktivitet i planifikuar për masën " + code,
                                    "Planned activity of measure " + code))));
                    all.add(code);
                    n++;
                }
                BigDecimal weight = p == 0 ? new BigDecimal(o == 0 ? "0.4" : "0.2") : null;
                objectives.add(
                        new PlanDocument.Objective(letter, OBJECTIVES[p][o][0], OBJECTIVES[p][o][1], weight, measures));
            }
            policies.add(new PlanDocument.Policy(p + 1, POLICIES[p][0], POLICIES[p][1], objectives));
        }
        PlanDocument plan = new PlanDocument(
                CODE,
                "Strategjia Kombëtare për Sigurinë Kibernetike 2020-2025",
                "National Cyber Security Strategy 2020-2025",
                2020,
                2025,
                "VKM nr. 1034",
                LocalDate.of(2020, 12, 24),
                "Zbatimi i vlerave të njëjta themelore në botën fizike dhe digjitale; mbrojtja e të drejtave themelore, liria e"
                        + " shprehjes, të dhënat personale dhe privatësia; qasja për të gjithë; qeverisje demokratike dhe efikase;"
                        + " përgjegjësi e përbashkët në garantimin e sigurisë kibernetike.",
                "The same fundamental values in the physical and the digital world; protection of fundamental rights, freedom of"
                        + " expression, personal data and privacy; access for all; democratic and efficient governance; shared"
                        + " responsibility for cyber security.",
                policies,
                List.of(new PlanDocument.ActionPlan(2024, all), new PlanDocument.ActionPlan(2025, all)));
        UUID strategy = plans.importPlan(coordinator, plan).strategyId();
        StrategyView view = plans.load(strategy).orElseThrow();

        PeriodView done = reporting.openPeriod(coordinator, strategy, 2024, LocalDate.of(2025, 1, 31));
        Random random = new Random(2024);
        for (int p = 0; p < view.policies().size(); p++) {
            List<StrategyView.MeasureView> measures = view.policies().get(p).objectives().stream()
                    .flatMap(o -> o.measures().stream())
                    .toList();
            for (int i = 0; i < measures.size(); i++) {
                MeasureStatus status = i < OUTCOMES_2024[p][0]
                        ? MeasureStatus.REALISED
                        : i < OUTCOMES_2024[p][0] + OUTCOMES_2024[p][1] ? MeasureStatus.PARTIAL : null;
                if (status == null) {
                    continue; // no report: "no information"
                }
                report(coordinator, done, measures.get(i), status, random, 2024, true, institutions);
            }
        }
        reporting.writeTexts(
                coordinator,
                done.id(),
                "Ky raport monitorimi (demo) është hartuar mbi kontributin e institucioneve përgjegjëse për Planin e Veprimit 2024.",
                "This (demo) monitoring report is based on the contributions of the institutions responsible for the 2024 Action Plan.",
                "1. Ngritja e një sistemi të qëndrueshëm monitorimi dhe vlerësimi.\n2. Një pikë kontakti për strategjinë në çdo"
                        + " institucion.\n3. Raportim i rregullt dhe i hapur i progresit me shoqërinë civile dhe sektorin privat.",
                "1. A sustainable monitoring and evaluation system.\n2. A strategy contact point in every institution.\n"
                        + "3. Regular and open reporting of progress with civil society and the private sector.");
        registers(coordinator);
        reporting.lock(coordinator, done.id());
        reporting.publish(coordinator, done.id());

        PeriodView open = reporting.openPeriod(coordinator, strategy, 2025, LocalDate.of(2026, 1, 31));
        List<StrategyView.MeasureView> measures = view.measures();
        for (int i = 0; i < measures.size(); i += 3) {
            MeasureStatus status = i % 2 == 0 ? MeasureStatus.PARTIAL : MeasureStatus.REALISED;
            report(coordinator, open, measures.get(i), status, random, 2025, i % 9 != 0, institutions);
        }
    }

    /** Agreements signed and trainings, exercises and awareness activities held, fictional, for the report's annexes. */
    private void registers(Actor coordinator) {
        String[][] agreements = {
            {
                "Memorandum mirëkuptimi për shkëmbimin e informacionit mbi kërcënimet (demo)",
                "AKSK; CSIRT-DEMO",
                "MEMORANDUM",
                "PUBLIC",
                "2024-02-14"
            },
            {
                "Marrëveshje bashkëpunimi për reagimin ndaj incidenteve (demo)",
                "AKSK; ENERGJIA-DEMO",
                "AGREEMENT",
                "PUBLIC",
                "2024-04-03"
            },
            {
                "Memorandum me një agjenci të huaj kibernetike (demo)",
                "AKSK; CYBERUNIT-MK",
                "MEMORANDUM",
                "FOREIGN",
                "2024-06-20"
            },
            {
                "Marrëveshje për trajnime të përbashkëta me një ofrues (demo)",
                "AKSK; NETDRITA",
                "AGREEMENT",
                "PRIVATE",
                "2024-09-11"
            },
            {
                "Memorandum për sigurinë e fëmijëve në internet (demo)",
                "AKSK; SHPRESA; MINISTRIA-DEMO",
                "MEMORANDUM",
                "PUBLIC",
                "2024-11-05"
            },
            {"Marrëveshje për ushtrimin kombëtar 2025 (demo)", "AKSK; POLICIA-DEMO", "AGREEMENT", "PUBLIC", "2025-03-18"
            }
        };
        for (String[] a : agreements) {
            registers.createAgreement(
                    coordinator,
                    new AgreementCommand(
                            a[0],
                            a[1],
                            AgreementView.Kind.valueOf(a[2]),
                            AgreementView.Partner.valueOf(a[3]),
                            LocalDate.parse(a[4]),
                            "Fushëveprimi i marrëveshjes (demo).",
                            AgreementView.Status.IN_FORCE,
                            null));
        }
        String[][] events = {
            {
                "TRAINING",
                "Trajnim për reagimin ndaj incidenteve (demo)",
                "2024-03-12",
                "AKSK",
                "Staf IT i institucioneve",
                "45",
                "3"
            },
            {"EXERCISE", "Ushtrim kombëtar kibernetik (demo)", "2024-05-22", "AKSK", "CSIRT-et sektoriale", "80", "2"},
            {
                "AWARENESS",
                "Java e internetit të sigurt në shkolla (demo)",
                "2024-02-06",
                "MINISTRIA-DEMO",
                "Nxënës dhe mësues",
                "600",
                "12"
            },
            {
                "TRAINING",
                "Hetimi i krimit kibernetik ndaj fëmijëve (demo)",
                "2024-10-08",
                "POLICIA-DEMO",
                "Oficerë policie",
                "30",
                "4"
            },
            {
                "FORUM",
                "Forum rajonal për bashkëpunimin kibernetik (demo)",
                "2024-11-27",
                "AKSK",
                "Partnerë rajonalë",
                "120",
                "2"
            },
            {"AWARENESS", "Fushatë për mashtrimet online (demo)", "2025-04-15", "AKSK", "Publiku i gjerë", "1500", "6"}
        };
        for (String[] e : events) {
            registers.createEvent(
                    coordinator,
                    new EventCommand(
                            EventView.Kind.valueOf(e[0]),
                            e[1],
                            LocalDate.parse(e[2]),
                            e[3],
                            e[4],
                            Integer.parseInt(e[5]),
                            Integer.parseInt(e[6]),
                            null));
        }
    }

    /** A contact point's report on a measure; accepted by the coordinator, or left with it / returned, for the open cycle. */
    private void report(
            Actor coordinator,
            PeriodView period,
            StrategyView.MeasureView measure,
            MeasureStatus status,
            Random random,
            int year,
            boolean accept,
            Map<String, OrganisationView> institutions) {
        OrganisationView institution = institutions.values().stream()
                .filter(o -> o.id().equals(measure.responsibleId()))
                .findFirst()
                .orElseThrow();
        Optional<Actor> reporter = actor(institution, MonitoringPermissions.REPORT, MonitoringConfiguration.REPORTER);
        if (reporter.isEmpty()) {
            return;
        }
        BigDecimal percent = status == MeasureStatus.REALISED
                ? BigDecimal.valueOf(100)
                : BigDecimal.valueOf(20 + random.nextInt(61));
        BigDecimal planned = measure.budgetPlanned() == null ? BigDecimal.ZERO : measure.budgetPlanned();
        BigDecimal spent = planned.multiply(percent).divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.HALF_UP);
        LocalDate day = LocalDate.of(year, 2 + random.nextInt(9), 1 + random.nextInt(27));
        reporting.save(
                reporter.get(),
                period.id(),
                measure.id(),
                new SubmissionCommand(
                        status,
                        percent,
                        spent,
                        List.of(
                                new SubmissionCommand.ActivityCommand(
                                        day,
                                        "Në kuadër të masës " + measure.code()
                                                + " u zhvillua një aktivitet i institucionit (përshkrim demo për fusnotën e raportit).")),
                        status == MeasureStatus.PARTIAL ? "Vonesa në prokurim (demo)." : null,
                        status == MeasureStatus.PARTIAL
                                ? "Përfundim i parashikuar në " + (year + 1) + " (demo)."
                                : null,
                        List.of()));
        SubmissionView sent = reporting.submit(reporter.get(), period.id(), measure.id());
        if (accept) {
            reporting.review(coordinator, sent.id(), true, null);
        } else if (random.nextBoolean()) {
            reporting.review(
                    coordinator,
                    sent.id(),
                    false,
                    "Ju lutem shtoni datën e miratimit dhe lidhjen me dokumentin (demo).");
        }
    }

    private static List<PlanDocument.Indicator> indicators(String code, int n) {
        return switch (code) {
            case "1.D.1" ->
                List.of(new PlanDocument.Indicator(
                        "Kërkesa ligjore të përgjigjura nga ofruesit",
                        "Legal requests answered by providers",
                        "count",
                        null,
                        new BigDecimal("100"),
                        "requests.answered"));
            case "1.D.2" ->
                List.of(new PlanDocument.Indicator(
                        "Koha mesatare e përgjigjes së ofruesve (orë)",
                        "Median provider answer time (hours)",
                        "hours",
                        null,
                        new BigDecimal("120"),
                        "requests.median-answer-hours"));
            case "4.A.1" ->
                List.of(new PlanDocument.Indicator(
                        "Institucione me pikë kontakti të verifikuar për strategjinë",
                        "Institutions with a verified strategy contact point",
                        "count",
                        null,
                        new BigDecimal("12"),
                        "directory.strategy-contacts-verified"));
            default ->
                List.of(new PlanDocument.Indicator(
                        "Aktivitete të zhvilluara",
                        "Activities held",
                        "count",
                        BigDecimal.valueOf(n % 5),
                        BigDecimal.valueOf(5 + n % 5),
                        null));
        };
    }

    private Optional<Actor> actor(OrganisationView organisation, String permission, String role) {
        List<UUID> ids = people.holding(organisation.id(), permission);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        UUID id = ids.stream().sorted().findFirst().orElseThrow();
        Set<String> permissions = roles.find(role).map(r -> r.permissions()).orElse(Set.of(permission));
        return Optional.of(new Actor(
                Actor.Kind.USER,
                id,
                organisation.id(),
                names.displayNames(List.of(id)).getOrDefault(id, "demo"),
                permissions,
                null));
    }

    private static final String[] MEASURE_TEXTS_SQ = {
        "hartimi i akteve nënligjore për sigurinë kibernetike",
        "ngritja e një CSIRT sektorial",
        "auditimi i sigurisë në infrastrukturat kritike",
        "trajnimi i stafit të teknologjisë së informacionit",
        "fushata kombëtare ndërgjegjësimi",
        "platforma e raportimit të përmbajtjes së dëmshme për fëmijët",
        "ushtrim kombëtar i reagimit ndaj incidenteve",
        "marrëveshje bashkëpunimi me partnerë ndërkombëtarë"
    };

    private static final String[] MEASURE_TEXTS_EN = {
        "drafting the secondary legislation on cyber security",
        "setting up a sectoral CSIRT",
        "security audits of critical infrastructures",
        "training of information-technology staff",
        "a national awareness campaign",
        "a platform to report content harmful to children",
        "a national incident-response exercise",
        "cooperation agreements with international partners"
    };
}
