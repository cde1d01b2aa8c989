package al.ura.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import al.ura.directory.OrganisationView;
import al.ura.identity.IdentityFixtures;
import al.ura.kernel.Actor;
import al.ura.testing.DatabaseTest;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The ledger: in the caller's transaction, one chain under concurrent writers, who reads what, export. */
@DatabaseTest
class AuditLedgerTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditService audit;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    IdentityFixtures fixtures;

    @Autowired
    JsonMapper json;

    private final Actor system = new Actor(Actor.Kind.SYSTEM, null, null, "ledger-test", Set.of(), null);

    @Test
    void anEntryCommitsAndRollsBackWithItsChangeButARefusalStays() {
        String run = UUID.randomUUID().toString();
        try {
            transaction.executeWithoutResult(status -> {
                auditLog.record(system, AuditEvent.of("test.rolled-back", "thing", run, null));
                auditLog.denied(system, AuditEvent.of("test.refused", "thing", run, null));
                throw new IllegalStateException("the change fails");
            });
        } catch (IllegalStateException expected) {
            // the business transaction rolled back
        }
        assertThat(entries("test.rolled-back", run)).isZero();
        assertThat(entries("test.refused", run)).isEqualTo(1);
    }

    @Test
    void eightConcurrentWritersMakeOneLinearChain() throws Exception {
        String run = UUID.randomUUID().toString();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                work.add(writers.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        transaction.executeWithoutResult(
                                status -> auditLog.record(system, AuditEvent.of("test.concurrent", "run", run, null)));
                    }
                }));
            }
            for (Future<?> future : work) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            writers.shutdownNow();
        }

        AuditVerification result = audit.verifyAsSystem();

        assertThat(result.valid()).as(String.valueOf(result.reason())).isTrue();
        assertThat(result.pendingEntries()).isZero();
        assertThat(result.lastSequence()).isEqualTo(result.entriesChecked());
        assertThat(entries("test.concurrent", run)).isEqualTo(800);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_ledger" + " WHERE action = 'test.concurrent' AND object_id = ?")
                        .param(run)
                        .query(Long.class)
                        .single())
                .isEqualTo(800);
    }

    @Test
    void auditorsReadEverythingAndAnOrganisationAdministratorOnlyTheirOwn() throws Exception {
        OrganisationView a = fixtures.organisation();
        OrganisationView b = fixtures.organisation();
        IdentityFixtures.TestUser adminA = fixtures.user(a, IdentityFixtures.ORGANISATION_ADMIN);
        fixtures.user(b, IdentityFixtures.ORGANISATION_ADMIN);
        IdentityFixtures.TestUser auditor = fixtures.user(fixtures.organisation(), IdentityFixtures.AUDITOR);
        transaction.executeWithoutResult(status -> {
            auditLog.record(system, AuditEvent.of("test.about", "organisation", a.id(), a.id()));
            auditLog.record(system, AuditEvent.of("test.about", "organisation", b.id(), b.id()));
        });

        List<String> seenByA = subjects(adminA, "test.about");
        List<String> seenByAuditor = subjects(auditor, "test.about");

        assertThat(seenByA).contains(a.id().toString()).doesNotContain(b.id().toString());
        assertThat(seenByAuditor).contains(a.id().toString(), b.id().toString());
    }

    @Test
    void theVerificationEndpointReportsAValidChain() {
        IdentityFixtures.TestUser auditor = fixtures.user(fixtures.organisation(), IdentityFixtures.AUDITOR);

        MvcTestResult result = mvc.get()
                .uri("/api/v1/audit/verification")
                .with(authentication(auditor.authentication()))
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.valid").isEqualTo(true);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.entriesChecked")
                .asNumber()
                .satisfies(n -> assertThat(n.longValue()).isPositive());
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_entries WHERE action = 'audit.ledger.verified' AND actor_user_id = ?")
                        .param(auditor.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anExportVerifiesOfflineAndAChangedEntryInItIsCaught() throws Exception {
        IdentityFixtures.TestUser auditor = fixtures.user(fixtures.organisation(), IdentityFixtures.AUDITOR);
        Instant from = Instant.now().minusSeconds(3600);
        Instant to = Instant.now().plusSeconds(60);

        MvcTestResult response = mvc.get()
                .uri("/api/v1/audit/export?from={from}&to={to}", from.toString(), to.toString())
                .with(authentication(auditor.authentication()))
                .exchange();

        assertThat(response).hasStatusOk();
        AuditExport export =
                json.readValue(response.getResponse().getContentAsString(StandardCharsets.UTF_8), AuditExport.class);
        assertThat(export.chainComplete()).isTrue();
        assertThat(export.entries()).isNotEmpty();
        assertThat(audit.verifyExport(export).valid()).isTrue();

        List<AuditExport.Entry> changed = new ArrayList<>(export.entries());
        AuditExport.Entry victim = changed.get(changed.size() / 2);
        changed.set(
                changed.size() / 2,
                new AuditExport.Entry(
                        victim.sequence(),
                        victim.entryId(),
                        victim.recordedAt(),
                        victim.recordedAtEpochMicros(),
                        victim.actorKind(),
                        victim.actorUserId(),
                        victim.actorOrganisationId(),
                        "test.innocent",
                        victim.objectType(),
                        victim.objectId(),
                        victim.subjectOrganisationId(),
                        victim.outcome(),
                        victim.detailsJson(),
                        victim.previousHash(),
                        victim.hash()));
        AuditExport tampered = new AuditExport(
                export.format(),
                export.algorithm(),
                export.from(),
                export.to(),
                export.chainComplete(),
                export.anchorSequence(),
                export.anchorHash(),
                changed,
                export.truncated());
        AuditVerification result = audit.verifyExport(tampered);
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenEntryId()).isEqualTo(victim.entryId());
        assertThat(result.reason()).isEqualTo("hash-mismatch");
    }

    private List<String> subjects(IdentityFixtures.TestUser reader, String action) throws Exception {
        MvcTestResult page = mvc.get()
                .uri("/api/v1/audit/entries?action={action}&limit=500", action)
                .with(authentication(reader.authentication()))
                .exchange();
        assertThat(page).hasStatusOk();
        return JsonPath.read(
                page.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.items[*].subjectOrganisationId");
    }

    private long entries(String action, String objectId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE action = ? AND object_id = ?")
                .params(action, objectId)
                .query(Long.class)
                .single();
    }
}
