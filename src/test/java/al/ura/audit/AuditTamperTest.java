package al.ura.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import al.ura.kernel.Actor;
import al.ura.testing.DatabaseTest;
import al.ura.testing.TestDatabaseEnvironment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Someone with direct access to the database changes the ledger: verification catches it and names
 * the entry. This class breaks the chain on purpose, so every test gets a database of its own.
 */
@DatabaseTest
// Ranges of 5 entries: the 20-entry chain is read in two ranges at once, so the join between ranges is tested too.
@TestPropertySource(properties = {"ura.test.isolation=tamper", "ura.audit.verify-minimum-range=5"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class AuditTamperTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditService audit;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    private final Actor actor = new Actor(Actor.Kind.SYSTEM, null, null, "tamper-test", Set.of(), null);

    @BeforeEach
    void aSealedChain() {
        for (int i = 0; i < 20; i++) {
            int n = i;
            transaction.executeWithoutResult(
                    status -> auditLog.record(actor, AuditEvent.of("test.tamper", "thing", n, null)));
        }
        assertThat(audit.verifyAsSystem().valid()).isTrue();
    }

    @Test
    void anEditedEntryIsCaughtAndNamed() throws Exception {
        long id = entryIdAt(10);

        asIntruder("UPDATE audit_ledger SET action = 'test.innocent' WHERE id = ?", id);

        AuditVerification result = audit.verifyAsSystem();
        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).isEqualTo("hash-mismatch");
        assertThat(result.firstBrokenSequence()).isEqualTo(10L);
        assertThat(result.firstBrokenEntryId()).isEqualTo(id);
    }

    @Test
    void aRemovedEntryIsCaught() throws Exception {
        asIntruder("DELETE FROM audit_ledger WHERE seq = ?", 7L);

        AuditVerification result = audit.verifyAsSystem();
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSequence()).isEqualTo(7L);
        assertThat(result.reason()).isEqualTo("sequence-gap");
    }

    @Test
    void theLastEntryRemovedIsCaughtByTheHead() throws Exception {
        asIntruder("DELETE FROM audit_ledger WHERE seq = ?", 20L);

        AuditVerification result = audit.verifyAsSystem();
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSequence()).isEqualTo(20L);
    }

    @Test
    void aRecomputedHashDoesNotHideAnEditBecauseTheNextLinkBreaks() throws Exception {
        long id = entryIdAt(12);
        asIntruder("UPDATE audit_ledger SET action = 'test.innocent' WHERE id = ?", id);
        // The intruder even recomputes this link's hash: the following entry's previous hash no longer matches.
        String forged = jdbc.sql("SELECT hash FROM audit_ledger WHERE seq = 11")
                .query(String.class)
                .single();
        asIntruder("UPDATE audit_ledger SET hash = '" + "f".repeat(64) + "' WHERE seq = ?", 12L);

        AuditVerification result = audit.verifyAsSystem();
        assertThat(forged).hasSize(64);
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSequence()).isEqualTo(12L);
    }

    @Test
    void aBrokenLinkBetweenTwoReadRangesIsCaught() throws Exception {
        asIntruder("UPDATE audit_ledger SET prev_hash = '" + "e".repeat(64) + "' WHERE seq = ?", 11L);

        AuditVerification result = audit.verifyAsSystem();
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSequence()).isEqualTo(11L);
        assertThat(result.reason()).isEqualTo("previous-hash-mismatch");
    }

    @Test
    void postgresRefusesToUpdateOrDeleteTheLedger() {
        Assumptions.assumeTrue(TestDatabaseEnvironment.postgres(), "the append-only triggers are PostgreSQL's");
        long id = entryIdAt(3);

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_ledger SET action = 'x' WHERE id = ?")
                        .param(id)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_ledger WHERE id = ?")
                        .param(id)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_ledger SET hash = 'x' WHERE seq = 3")
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(
                        () -> jdbc.sql("DELETE FROM audit_ledger WHERE seq = 3").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_ledger").update()).isInstanceOf(DataAccessException.class);

        assertThat(jdbc.sql("SELECT action FROM audit_ledger WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("test.tamper");
        assertThat(audit.verifyAsSystem().valid()).isTrue();
    }

    private long entryIdAt(long sequence) {
        return jdbc.sql("SELECT id FROM audit_ledger WHERE seq = ?")
                .param(sequence)
                .query(Long.class)
                .single();
    }

    /** Changes a row as someone with direct database access would: on PostgreSQL, past the triggers. */
    private void asIntruder(String sql, long parameter) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            boolean postgres = TestDatabaseEnvironment.postgres();
            if (postgres) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET session_replication_role = replica");
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, parameter);
                assertThat(statement.executeUpdate()).isEqualTo(1);
            } finally {
                if (postgres) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SET session_replication_role = origin");
                    }
                }
            }
        }
    }
}
