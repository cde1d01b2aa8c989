package al.ura.requests;

import al.ura.audit.AuditLog;
import al.ura.directory.ContactPoints;
import al.ura.directory.DataCategory;
import al.ura.directory.DataItem;
import al.ura.directory.DocumentSigning;
import al.ura.directory.LegalProcess;
import al.ura.directory.OrganisationDirectory;
import al.ura.directory.OrganisationType;
import al.ura.directory.OrganisationView;
import al.ura.directory.ProviderCatalogue;
import al.ura.directory.ProviderServiceView;
import al.ura.identity.RoleCatalogue;
import al.ura.identity.UserContacts;
import al.ura.kernel.Actor;
import al.ura.kernel.DemoLoader;
import al.ura.kernel.FileStore;
import al.ura.kernel.Notice;
import al.ura.kernel.PeopleNames;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fictional year of legal requests between the demo organisations, in every state: drafts,
 * requests awaiting authorisation, open ones (some overdue), answered in full and in part,
 * refused and impossible with their reasons, withdrawn, clarification loops, preservations that
 * were extended, followed by a disclosure, released or that lapsed, emergencies that started by
 * phone (one whose written request never came), comments, feedback and cost claims. The requests
 * go through the module's own use cases on a clock that walks through the past year, so every
 * figure, deadline and signature is what real use would give. Every identifier is from the
 * documentation ranges or an invented {@code .example} name.
 */
@Component
class RequestsDemoData implements DemoLoader {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RequestsDemoData.class);
    private static final String[] UNITS = {"Sektori i Krimeve Kibernetike", "Drejtoria e Hetimit të Krimit Ekonomik"};
    private static final String[] OFFENCES = {
        "Mashtrim kompjuterik (fiktiv)",
        "Hyrje e paautorizuar në sistem kompjuterik (fiktiv)",
        "Shpërndarje e materialeve të abuzimit seksual të fëmijëve (fiktiv)",
        "Kanosje përmes rrjeteve sociale (fiktiv)",
        "Vjedhje identiteti për pagesa online (fiktiv)"
    };

    private final boolean demoEnabled;
    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;
    private final JsonMapper json;
    private final AuditLog auditLog;
    private final OrganisationDirectory directory;
    private final ProviderCatalogue catalogue;
    private final ContactPoints contacts;
    private final LegalCatalogue legal;
    private final DocumentSigning signing;
    private final FileStore files;
    private final ProviderWebhooks webhooks;
    private final RequestsProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final UserContacts people;
    private final PeopleNames names;
    private final RoleCatalogue roles;
    private final Clock realClock;
    private final String zone;

    RequestsDemoData(
            @Value("${ura.demo.enabled:false}") boolean demoEnabled,
            JdbcClient jdbc,
            org.springframework.jdbc.core.JdbcTemplate batch,
            JsonMapper json,
            AuditLog auditLog,
            OrganisationDirectory directory,
            ProviderCatalogue catalogue,
            ContactPoints contacts,
            LegalCatalogue legal,
            DocumentSigning signing,
            FileStore files,
            ProviderWebhooks webhooks,
            RequestsProperties properties,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            UserContacts people,
            PeopleNames names,
            RoleCatalogue roles,
            Clock realClock,
            @Value("${ura.time-zone:Europe/Tirane}") String zone) {
        this.demoEnabled = demoEnabled;
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.auditLog = auditLog;
        this.directory = directory;
        this.catalogue = catalogue;
        this.contacts = contacts;
        this.legal = legal;
        this.signing = signing;
        this.files = files;
        this.webhooks = webhooks;
        this.properties = properties;
        this.events = events;
        this.transaction = transaction;
        this.people = people;
        this.names = names;
        this.roles = roles;
        this.realClock = realClock;
        this.zone = zone;
    }

    @Override
    public int order() {
        return 300;
    }

    /** The module's use cases on the demo's walking clock; notices older than a few days are not delivered. */
    private record Graph(
            DemoClock clock,
            LegalRequests requests,
            ProviderDesk desk,
            Preservations preservations,
            OralEmergencies oral,
            RequestConversation conversation,
            RequestAttachments attachments) {}

    private Graph graph(DemoClock clock) {
        Instant recent = realClock.instant().minus(Duration.ofDays(3));
        ApplicationEventPublisher recentOnly = event -> {
            if (!(event instanceof Notice) || clock.instant().isAfter(recent)) {
                events.publishEvent(event);
            }
        };
        RequestRepository repository = new RequestRepository(jdbc, batch, json);
        RequestAccess access = new RequestAccess(repository, auditLog, clock);
        RequestAttachments attachments = new RequestAttachments(jdbc, files, access, auditLog, clock);
        CanonicalForms canonical = new CanonicalForms(json);
        LegalRequests requests = new LegalRequests(
                repository,
                access,
                directory,
                catalogue,
                contacts,
                legal,
                signing,
                canonical,
                attachments,
                webhooks,
                properties,
                auditLog,
                recentOnly,
                jdbc,
                clock,
                zone);
        ProviderDesk desk = new ProviderDesk(
                repository,
                access,
                requests,
                attachments,
                canonical,
                signing,
                legal,
                directory,
                auditLog,
                recentOnly,
                jdbc,
                clock);
        Preservations preservations =
                new Preservations(repository, access, legal, directory, webhooks, auditLog, recentOnly, clock);
        OralEmergencies oral = new OralEmergencies(jdbc, directory, access, properties, auditLog, recentOnly, clock);
        RequestConversation conversation = new RequestConversation(jdbc, access, auditLog, recentOnly, clock);
        return new Graph(clock, requests, desk, preservations, oral, conversation, attachments);
    }

    @Override
    public void load() {
        if (!demoEnabled) {
            throw new IllegalStateException("demo data is loaded in demo mode only");
        }
        Long existing =
                jdbc.sql("SELECT COUNT(*) FROM legal_request").query(Long.class).single();
        if (existing != null && existing > 0) {
            return;
        }
        Actor operator =
                new Actor(Actor.Kind.SYSTEM, null, null, "demo-loader", Set.of(RequestPermissions.CATALOGUE), null);
        transaction.executeWithoutResult(status -> {
            // Demo settings only: the operator sets each country's real treaty status.
            legal.configure(operator, new TreatyCountry("AL", true, 90, 90, 1));
            legal.configure(operator, new TreatyCountry("IE", true, 90, 90, 1));
            legal.configure(operator, new TreatyCountry("MK", false, 60, 30, 1));
        });
        Optional<OrganisationView> police = directory.findByShortName("POLICIA-DEMO");
        Optional<OrganisationView> prosecution = directory.findByShortName("PROKURORIA-DEMO");
        if (police.isEmpty() || prosecution.isEmpty()) {
            return;
        }
        List<Side> requesters = new ArrayList<>();
        requesters.add(requester(police.get()));
        requesters.add(requester(prosecution.get()));
        List<Provider> providers = new ArrayList<>();
        for (String shortName : List.of("NETDRITA", "RETEHOST", "FJALA", "EMRAT-AL", "STREAMLY")) {
            directory.findByShortName(shortName).ifPresent(org -> providers.add(provider(org)));
        }
        if (requesters.stream()
                        .anyMatch(s -> s.officers().isEmpty() || s.authorisers().isEmpty())
                || providers.isEmpty()) {
            return;
        }
        DemoClock clock = new DemoClock(realClock.instant());
        Graph graph = graph(clock);
        Random random = new Random(2026);
        Instant now = realClock.instant().truncatedTo(ChronoUnit.MINUTES);
        int count = 84;
        for (int i = 0; i < count; i++) {
            // The year's requests, and in its last three weeks one in each state a queue holds.
            int recent = i - (count - RECENT.length);
            double daysAgo = recent >= 0 ? 22.0 - 2 * recent : 360.0 - i * (335.0 / (count - RECENT.length));
            Instant at = now.minus(Duration.ofMinutes((long) (daysAgo * 24 * 60)))
                    .plus(Duration.ofMinutes(random.nextInt(600)));
            // Each story draws from its own seed, so one story's turns never change another's.
            Random story = new Random(2026L * 1000 + i);
            Outcome outcome = recent >= 0 ? RECENT[recent] : FIXED.getOrDefault(i, outcome(story, daysAgo));
            Side side = requesters.get(i % 5 == 4 ? 1 : 0);
            Provider provider = recent >= 0 || FIXED.containsKey(i)
                    ? providers.get(Math.max(0, recent) % Math.min(3, providers.size()))
                    : providers.get(pick(story, providers.size()));
            if (provider.org().country().equals("IE")) {
                outcome = daysAgo < 30 ? Outcome.SUBMITTED : Outcome.FULL;
            }
            Outcome chosen = outcome;
            int n = i;
            try {
                transaction.executeWithoutResult(status -> play(graph, story, n, at, side, provider, chosen, now));
            } catch (RuntimeException refused) {
                // One story the directory cannot carry (a provider without a fitting service) must not stop the demo.
                log.warn(
                        "Demo request {} ({}) to {} was not loaded: {}",
                        n,
                        chosen,
                        provider.org().shortName(),
                        refused.getClass().getSimpleName());
            }
        }
        transaction.executeWithoutResult(
                status -> emergencies(graph, random, requesters.get(0), providers.get(0), now));
    }

    private enum Outcome {
        DRAFT,
        AWAITING,
        SUBMITTED,
        RECEIVED,
        ACKNOWLEDGED,
        CLARIFICATION,
        IN_PROGRESS,
        FULL,
        PART,
        REFUSED,
        IMPOSSIBLE,
        WITHDRAWN,
        CLARIFIED_FULL,
        PRESERVED_CONVERTED,
        PRESERVED_RELEASED,
        PRESERVED_LAPSED,
        PRESERVED_EXTENDED
    }

    /** Stories told whatever the dice say, so that the demo always holds each preservation's end. */
    private static final Map<Integer, Outcome> FIXED = Map.of(
            3, Outcome.PRESERVED_LAPSED,
            12, Outcome.PRESERVED_CONVERTED,
            25, Outcome.PRESERVED_RELEASED,
            40, Outcome.PRESERVED_CONVERTED,
            48, Outcome.IMPOSSIBLE,
            52, Outcome.REFUSED,
            58, Outcome.PRESERVED_EXTENDED,
            64, Outcome.CLARIFIED_FULL);

    private static final Outcome[] RECENT = {
        Outcome.REFUSED,
        Outcome.IMPOSSIBLE,
        Outcome.PART,
        Outcome.FULL,
        Outcome.IN_PROGRESS,
        Outcome.CLARIFICATION,
        Outcome.ACKNOWLEDGED,
        Outcome.RECEIVED,
        Outcome.SUBMITTED,
        Outcome.AWAITING,
        Outcome.DRAFT
    };

    private static Outcome outcome(Random random, double daysAgo) {
        int roll = random.nextInt(100);
        if (roll < 40) return Outcome.FULL;
        if (roll < 52) return Outcome.PART;
        if (roll < 61) return Outcome.REFUSED;
        if (roll < 67) return Outcome.IMPOSSIBLE;
        if (roll < 72) return Outcome.WITHDRAWN;
        if (roll < 80) return Outcome.CLARIFIED_FULL;
        if (roll < 85) return Outcome.PRESERVED_CONVERTED;
        if (roll < 89) return Outcome.PRESERVED_RELEASED;
        if (roll < 93) return daysAgo > 100 ? Outcome.PRESERVED_LAPSED : Outcome.PRESERVED_EXTENDED;
        return daysAgo < 150 ? Outcome.PRESERVED_EXTENDED : Outcome.FULL;
    }

    /** Mostly the big electronic-communications provider, as in life; providers without a compliance desk get few. */
    private static int pick(Random random, int providers) {
        int roll = random.nextInt(100);
        int index = roll < 45 ? 0 : roll < 70 ? 1 : roll < 88 ? 2 : roll < 96 ? 3 : 4;
        return Math.min(index, providers - 1);
    }

    private record Side(OrganisationView org, List<Actor> officers, List<Actor> authorisers) {}

    private record Provider(OrganisationView org, List<Actor> staff, List<ProviderServiceView> services) {}

    private Side requester(OrganisationView org) {
        return new Side(
                org,
                actors(org, RequestPermissions.DRAFT, RequestsConfiguration.OFFICER, true),
                actors(org, RequestPermissions.AUTHORISE, RequestsConfiguration.AUTHORISER, false));
    }

    private Provider provider(OrganisationView org) {
        return new Provider(
                org,
                actors(org, RequestPermissions.HANDLE, RequestsConfiguration.COMPLIANCE_OFFICER, false),
                catalogue.servicesOf(org.id()));
    }

    /** The demo people of an organisation holding a permission, as actors with the role's permissions. */
    private List<Actor> actors(OrganisationView org, String permission, String role, boolean excludeAuthorisers) {
        List<UUID> ids = people.holding(org.id(), permission);
        List<UUID> authorisers =
                excludeAuthorisers ? people.holding(org.id(), RequestPermissions.AUTHORISE) : List.of();
        Map<UUID, String> display = names.displayNames(ids);
        Set<String> permissions = roles.find(role).map(r -> r.permissions()).orElse(Set.of(permission));
        return ids.stream()
                .filter(id -> !authorisers.contains(id))
                .sorted()
                .map(id ->
                        new Actor(Actor.Kind.USER, id, org.id(), display.getOrDefault(id, "demo"), permissions, null))
                .toList();
    }

    private void play(
            Graph g, Random random, int n, Instant at, Side side, Provider provider, Outcome outcome, Instant now) {
        Actor officer = side.officers().get(n % side.officers().size());
        Actor authoriser = side.authorisers().getFirst();
        boolean preservation = outcome.name().startsWith("PRESERVED");
        boolean emergency = !preservation && random.nextInt(100) < 4;
        Optional<Built> built = build(
                random,
                n,
                side.org(),
                provider,
                preservation
                        ? RequestType.PRESERVATION
                        : emergency ? RequestType.EMERGENCY_DISCLOSURE : RequestType.DISCLOSURE,
                at,
                null,
                null,
                random.nextInt(UNITS.length));
        if (built.isEmpty()) {
            return;
        }
        g.clock().set(at);
        RequestView draft = g.requests().createDraft(officer, built.get().command());
        if (built.get().needsOrder()) {
            g.attachments()
                    .attach(
                            officer,
                            draft.id(),
                            new ByteArrayInputStream(order(draft.reference())),
                            "urdher-fiktiv.txt");
        }
        if (outcome == Outcome.DRAFT) {
            return;
        }
        g.clock().set(at.plus(Duration.ofMinutes(15 + random.nextInt(60))));
        g.requests().submitForAuthorisation(officer, draft.id());
        if (outcome == Outcome.AWAITING) {
            return;
        }
        Instant sent = g.clock().instant().plus(Duration.ofMinutes(emergency ? 5 : 30 + random.nextInt(240)));
        g.clock().set(sent);
        RequestView request = g.requests().authorise(authoriser, draft.id());
        if (outcome == Outcome.SUBMITTED || provider.staff().isEmpty()) {
            return;
        }
        Actor compliance = provider.staff().get(n % provider.staff().size());
        Duration ackAfter =
                emergency ? Duration.ofMinutes(10 + random.nextInt(40)) : Duration.ofHours(1 + random.nextInt(40));
        advance(g, ackAfter, now);
        g.requests().read(compliance, request.id());
        if (outcome == Outcome.RECEIVED) {
            return;
        }
        g.desk().acknowledge(compliance, request.id());
        if (outcome == Outcome.ACKNOWLEDGED) {
            return;
        }
        if (outcome == Outcome.CLARIFICATION || outcome == Outcome.CLARIFIED_FULL) {
            advance(g, Duration.ofHours(2 + random.nextInt(20)), now);
            g.desk()
                    .askClarification(
                            compliance,
                            request.id(),
                            "Ju lutem konfirmoni zonën kohore dhe nëse kërkohet edhe adresa e faturimit (demo).");
            if (outcome == Outcome.CLARIFICATION) {
                return;
            }
            advance(g, Duration.ofHours(1 + random.nextInt(10)), now);
            g.requests()
                    .clarify(officer, request.id(), "Koha është në UTC+01:00; nuk kërkohet adresa e faturimit (demo).");
        }
        if (outcome == Outcome.WITHDRAWN) {
            advance(g, Duration.ofHours(5 + random.nextInt(48)), now);
            g.requests().withdraw(officer, request.id(), "Identifikuesi u gjet nga një burim tjetër (demo).");
            return;
        }
        g.desk().startWork(compliance, request.id());
        if (outcome == Outcome.IN_PROGRESS) {
            return;
        }
        Duration work =
                emergency ? Duration.ofMinutes(60 + random.nextInt(300)) : Duration.ofHours(20 + random.nextInt(260));
        if (!advance(g, work, now)) {
            return;
        }
        RequestView current = g.requests().read(compliance, request.id());
        switch (outcome) {
            case REFUSED ->
                g.desk()
                        .refuse(
                                compliance,
                                request.id(),
                                new ProviderDesk.RefusalCommand(
                                        false,
                                        new RefusalReason[] {
                                                    RefusalReason.TOO_BROAD,
                                                    RefusalReason.INSUFFICIENT_LEGAL_BASIS,
                                                    RefusalReason.NOT_OUR_SERVICE_OR_CUSTOMER,
                                                    RefusalReason.INCOMPLETE_OR_ERRONEOUS
                                                }
                                                [random.nextInt(4)],
                                        "Kërkesa nuk mund të përmbushet siç është formuluar; shihni shpjegimin në koment (demo)."));
            case IMPOSSIBLE ->
                g.desk()
                        .refuse(
                                compliance,
                                request.id(),
                                new ProviderDesk.RefusalCommand(
                                        true,
                                        random.nextBoolean()
                                                ? RefusalReason.NO_LONGER_RETAINED
                                                : RefusalReason.DATA_DOES_NOT_EXIST,
                                        "Të dhënat për këtë periudhë nuk ruhen më sipas politikës sonë të ruajtjes (demo)."));
            case PART ->
                g.desk()
                        .answer(
                                compliance,
                                request.id(),
                                new ProviderDesk.AnswerCommand(
                                        false,
                                        "Gjetëm vetëm një pjesë të periudhës; pjesa tjetër ishte jashtë afatit të ruajtjes (demo).",
                                        items(current, random, true)));
            default ->
                g.desk()
                        .answer(
                                compliance,
                                request.id(),
                                new ProviderDesk.AnswerCommand(true, null, items(current, random, false)));
        }
        if (preservation) {
            preservationAfter(g, random, n, side, provider, officer, authoriser, compliance, request, outcome, now);
            return;
        }
        if (advance(g, Duration.ofHours(4 + random.nextInt(40)), now)
                && at.isBefore(now.minus(Duration.ofDays(24)))
                && random.nextInt(100) < 85) {
            g.requests().close(officer, request.id());
            if (random.nextInt(100) < 40) {
                g.conversation()
                        .feedback(
                                officer,
                                request.id(),
                                new RequestConversation.FeedbackCommand(
                                        3 + random.nextInt(3), "Përgjigje e qartë dhe brenda afatit (demo)."));
            }
            if (random.nextInt(100) < 25) {
                g.conversation()
                        .feedback(
                                compliance,
                                request.id(),
                                new RequestConversation.FeedbackCommand(
                                        3 + random.nextInt(3), "Kërkesë e saktë, me identifikues të plotë (demo)."));
            }
        }
        if (random.nextInt(100) < 10 && advance(g, Duration.ofDays(2), now)) {
            var claim = g.conversation()
                    .claim(
                            compliance,
                            request.id(),
                            new RequestConversation.CostClaimCommand(
                                    new java.math.BigDecimal("4500.00"),
                                    "ALL",
                                    "Kosto e nxjerrjes së të dhënave nga arkiva (demo)."));
            if (advance(g, Duration.ofDays(3), now)) {
                g.conversation()
                        .decide(authoriser, request.id(), claim.id(), new RequestConversation.CostDecision(true, null));
            }
        }
    }

    private void preservationAfter(
            Graph g,
            Random random,
            int n,
            Side side,
            Provider provider,
            Actor officer,
            Actor authoriser,
            Actor compliance,
            RequestView preservation,
            Outcome outcome,
            Instant now) {
        switch (outcome) {
            case PRESERVED_RELEASED -> {
                if (advance(g, Duration.ofDays(20 + random.nextInt(40)), now)) {
                    g.preservations().release(officer, preservation.id());
                }
            }
            case PRESERVED_EXTENDED -> {
                if (advance(g, Duration.ofDays(80), now)) {
                    g.preservations().extend(officer, preservation.id());
                }
            }
            case PRESERVED_LAPSED -> {
                RequestView kept = g.requests().read(officer, preservation.id());
                Instant expiry = kept.preservationExpiresAt();
                if (expiry != null && expiry.isBefore(now)) {
                    g.clock().set(expiry.plusSeconds(60));
                    g.preservations().lapse(preservation.id());
                }
            }
            case PRESERVED_CONVERTED -> {
                if (!advance(g, Duration.ofDays(10 + random.nextInt(30)), now)) {
                    return;
                }
                RequestView kept = g.requests().read(officer, preservation.id());
                Optional<Built> built = build(
                        random,
                        n + 1000,
                        side.org(),
                        provider,
                        RequestType.DISCLOSURE_AFTER_PRESERVATION,
                        g.clock().instant(),
                        kept,
                        preservation.id(),
                        0);
                if (built.isEmpty()) {
                    return;
                }
                RequestView disclosure =
                        g.requests().createDraft(officer, built.get().command());
                if (built.get().needsOrder()) {
                    g.attachments()
                            .attach(
                                    officer,
                                    disclosure.id(),
                                    new ByteArrayInputStream(order(disclosure.reference())),
                                    "urdher-fiktiv.txt");
                }
                g.requests().submitForAuthorisation(officer, disclosure.id());
                advance(g, Duration.ofHours(2), now);
                g.requests().authorise(authoriser, disclosure.id());
                if (!advance(g, Duration.ofDays(2 + random.nextInt(6)), now)) {
                    return;
                }
                RequestView received = g.requests().read(compliance, disclosure.id());
                g.desk().acknowledge(compliance, disclosure.id());
                g.desk()
                        .answer(
                                compliance,
                                disclosure.id(),
                                new ProviderDesk.AnswerCommand(true, null, items(received, random, false)));
            }
            default -> {}
        }
    }

    /** Two emergencies that began with a phone call: one written up within the hour, one never written. */
    private void emergencies(Graph g, Random random, Side side, Provider provider, Instant now) {
        Actor officer = side.officers().getFirst();
        Actor authoriser = side.authorisers().getFirst();
        Instant called = now.minus(Duration.ofDays(12)).plus(Duration.ofHours(1));
        g.clock().set(called.plusSeconds(120));
        OralEmergencies.OralView oral = g.oral()
                .log(
                        officer,
                        new OralEmergencies.OralCommand(
                                provider.org().id(),
                                called.atOffset(ZoneOffset.ofHours(1)).toString(),
                                "Ilir Hetuesi (demo)",
                                "Desku 24/7 i " + provider.org().shortName(),
                                "Kush përdorte adresën IP të një llogarie që kanosi vetëvrasje sonte (demo).",
                                UNITS[0]));
        Optional<Built> built =
                build(random, 5001, side.org(), provider, RequestType.EMERGENCY_DISCLOSURE, called, null, null, 0);
        if (built.isPresent()) {
            DraftCommand command = built.get().command();
            DraftCommand written = new DraftCommand(
                    command.type(),
                    command.fileNumber(),
                    command.requestingUnit(),
                    command.officerName(),
                    command.officerPhone(),
                    command.officerEmail(),
                    command.legalProvisionId(),
                    command.legalBasisNote(),
                    command.providerId(),
                    command.serviceId(),
                    command.identifiers(),
                    command.offence(),
                    command.summary(),
                    command.relevance(),
                    Priority.CRITICAL,
                    true,
                    "Kërcënim i menjëhershëm për jetën e një personi, i njoftuar me telefon (demo).",
                    true,
                    null,
                    null,
                    null,
                    oral.id(),
                    false);
            g.clock().set(called.plus(Duration.ofMinutes(40)));
            RequestView draft = g.requests().createDraft(officer, written);
            if (built.get().needsOrder()) {
                g.attachments()
                        .attach(
                                officer,
                                draft.id(),
                                new ByteArrayInputStream(order(draft.reference())),
                                "urdher-fiktiv.txt");
            }
            g.requests().submitForAuthorisation(officer, draft.id());
            g.clock().set(called.plus(Duration.ofMinutes(50)));
            g.requests().authorise(authoriser, draft.id());
        }
        Instant second = now.minus(Duration.ofDays(5));
        g.clock().set(second);
        g.oral()
                .log(
                        officer,
                        new OralEmergencies.OralCommand(
                                provider.org().id(),
                                second.toString(),
                                "Jonida Krimet (demo)",
                                "Desku 24/7 i " + provider.org().shortName(),
                                "Ruajtje urgjente e të dhënave të një llogarie (demo).",
                                UNITS[1]));
        g.clock().set(second.plus(properties.writtenFollowUp()).plusSeconds(60));
        g.oral().escalateOverdue();
    }

    /** Moves the demo clock on; false (and no move) when that would pass the real present. */
    private static boolean advance(Graph g, Duration by, Instant now) {
        Instant next = g.clock().instant().plus(by);
        if (next.isAfter(now)) {
            return false;
        }
        g.clock().set(next);
        return true;
    }

    private record Built(DraftCommand command, boolean needsOrder) {}

    /** A valid request to the provider for data one of its services declares, as an officer would write it. */
    private Optional<Built> build(
            Random random,
            int n,
            OrganisationView requester,
            Provider provider,
            RequestType type,
            Instant at,
            @Nullable RequestView following,
            @Nullable UUID preservationId,
            int unit) {
        List<ProviderServiceView.Offering> usable = new ArrayList<>();
        ProviderServiceView service = null;
        boolean foreign = !provider.org().country().equals(requester.country());
        for (ProviderServiceView candidate : provider.services()) {
            List<ProviderServiceView.Offering> offerings = candidate.offerings().stream()
                    .filter(o -> o.legalProcess() != LegalProcess.MUTUAL_LEGAL_ASSISTANCE)
                    .filter(o -> !foreign || o.item().category() == DataCategory.SUBSCRIBER_INFORMATION)
                    .filter(o -> type != RequestType.EMERGENCY_DISCLOSURE
                            || o.legalProcess() == LegalProcess.AUTHORITY_REQUEST)
                    .toList();
            if (!offerings.isEmpty() && (service == null || random.nextBoolean())) {
                service = candidate;
                usable = offerings;
            }
        }
        if (service == null) {
            return Optional.empty();
        }
        ProviderServiceView.Offering offering = usable.get(random.nextInt(usable.size()));
        boolean needsOrder = offering.legalProcess() != LegalProcess.AUTHORITY_REQUEST;
        List<DraftCommand.IdentifierCommand> identifiers = new ArrayList<>();
        if (following != null) {
            following
                    .identifiers()
                    .forEach(i -> identifiers.add(new DraftCommand.IdentifierCommand(
                            i.kind(),
                            i.value(),
                            i.sourcePort(),
                            i.observedAt() == null ? null : i.observedAt().toString(),
                            null,
                            i.category(),
                            i.items(),
                            String.valueOf(i.from()),
                            String.valueOf(i.to()))));
            needsOrder = true;
        } else {
            identifiers.add(identifier(random, n, provider, service, offering, at));
        }
        String domain = requester.officialDomains().getFirst();
        UUID provision = type == RequestType.PRESERVATION
                ? UUID.fromString("6a1f3c7e-0a01-4d6e-9a01-000000000003")
                : foreign
                        ? UUID.fromString("6a1f3c7e-0a01-4d6e-9a01-000000000006")
                        : UUID.fromString("6a1f3c7e-0a01-4d6e-9a01-000000000001");
        boolean emergency = type == RequestType.EMERGENCY_DISCLOSURE;
        Priority priority = emergency ? Priority.CRITICAL : Priority.values()[1 + random.nextInt(3)];
        String offence = OFFENCES[random.nextInt(OFFENCES.length)];
        return Optional.of(new Built(
                new DraftCommand(
                        type,
                        "PP-" + at.atZone(ZoneOffset.UTC).getYear() + "-" + (1000 + n),
                        UNITS[unit % UNITS.length],
                        unit == 0 ? "Ilir Hetuesi" : "Jonida Krimet",
                        "+355 4 555 " + (2000 + n % 100),
                        (unit == 0 ? "hetues@" : "krime@") + domain,
                        provision,
                        needsOrder ? "Urdhër i prokurorit nr. " + (300 + n) + " (fiktiv), bashkëngjitur." : null,
                        provider.org().id(),
                        service.id(),
                        identifiers,
                        offence,
                        "Rast fiktiv për demonstrim: " + offence.toLowerCase(java.util.Locale.ROOT)
                                + " i raportuar nga një qytetar.",
                        "Identifikuesi lidhet drejtpërdrejt me veprimin e hetuar; të dhënat tregojnë kush e përdori.",
                        priority,
                        emergency,
                        emergency ? "Rrezik i menjëhershëm për jetën e një personi (rast fiktiv demo)." : null,
                        random.nextInt(100) < 60,
                        null,
                        null,
                        preservationId,
                        null,
                        true),
                needsOrder));
    }

    private static DraftCommand.IdentifierCommand identifier(
            Random random,
            int n,
            Provider provider,
            ProviderServiceView service,
            ProviderServiceView.Offering offering,
            Instant at) {
        DataItem item = offering.item();
        long days = Math.max(1, Math.min(7, offering.retentionDays() / 2));
        Instant to = at.minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        Instant from = to.minus(Duration.ofDays(days));
        String domain = provider.org().officialDomains().isEmpty()
                ? "ofrues.example"
                : provider.org().officialDomains().getFirst();
        IdentifierKind kind;
        String value;
        Integer port = null;
        String observed = null;
        switch (item) {
            case IP_ASSIGNMENT, CONNECTION_RECORDS -> {
                kind = IdentifierKind.IPV4;
                value = (n % 2 == 0 ? "203.0.113." : "198.51.100.") + (1 + n % 250);
                port = 1024 + random.nextInt(60000);
                observed = to.minus(Duration.ofHours(1))
                        .atOffset(ZoneOffset.ofHours(1))
                        .toString();
            }
            case DEVICE_IDENTIFIERS -> {
                kind = IdentifierKind.DEVICE;
                value = imei(n);
            }
            case CALL_AND_MESSAGE_RECORDS, LOCATION_DATA -> {
                kind = IdentifierKind.PHONE;
                value = "+35569555" + String.format("%04d", n % 10000);
            }
            case STORED_FILES, PUBLISHED_CONTENT -> {
                kind = IdentifierKind.URL;
                value = "https://" + domain + "/p/demo-" + n;
            }
            case LOGIN_RECORDS, ACCOUNT_REGISTRATION, STORED_MESSAGES -> {
                kind = IdentifierKind.ACCOUNT;
                value = "perdorues_demo_" + n;
            }
            default -> {
                if (provider.org().type() == OrganisationType.PROVIDER_DOMAIN_REGISTRAR) {
                    kind = IdentifierKind.DOMAIN;
                    value = "dyqan-fiktiv-" + n + ".al";
                } else if (provider.org().type() == OrganisationType.PROVIDER_ELECTRONIC_COMMUNICATIONS) {
                    kind = IdentifierKind.PHONE;
                    value = "+35569555" + String.format("%04d", n % 10000);
                } else {
                    kind = IdentifierKind.EMAIL;
                    value = "klient" + n + "@posta.example";
                }
            }
        }
        return new DraftCommand.IdentifierCommand(
                kind,
                value,
                service.sharedAddresses() || port != null ? port : null,
                observed,
                null,
                item.category(),
                List.of(item),
                from.toString(),
                to.toString());
    }

    /** A fictional IMEI with a correct check digit. */
    private static String imei(int n) {
        String body = "35" + String.format("%012d", 100000000L + n);
        for (int check = 0; check < 10; check++) {
            if (Identifiers.luhn(body + check)) {
                return body + check;
            }
        }
        return body + "0";
    }

    private static List<ProviderDesk.ItemCommand> items(RequestView request, Random random, boolean partial) {
        List<ProviderDesk.ItemCommand> items = new ArrayList<>();
        for (RequestView.IdentifierView identifier : request.identifiers()) {
            boolean found = !partial || identifier.position() == 0 || random.nextBoolean();
            items.add(new ProviderDesk.ItemCommand(
                    identifier.position(),
                    found,
                    found
                            ? "Abonent fiktiv: Demo Përdoruesi " + (100 + random.nextInt(900))
                                    + ", Rruga e Demos, Tiranë (të dhëna demo)."
                            : null,
                    null));
        }
        return items;
    }

    private static byte[] order(String reference) {
        return ("URDHËR I PROKURORIT (FIKTIV, DEMO)\nPër kërkesën " + reference
                        + ": urdhërohet dorëzimi i të dhënave të kërkuara.\nKy dokument është i trilluar.\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
