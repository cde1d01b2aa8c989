package al.ura.audit;

import static org.assertj.core.api.Assertions.assertThat;

import al.ura.kernel.Actor;
import al.ura.testing.PostgresAvailability;
import al.ura.testing.TestDatabaseEnvironment;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * A database that holds a ledger in the first layout (entries, a queue of pending ones and a
 * separate chain) is migrated to the one-table layout: the sealed entries keep their sequence and
 * hashes, the pending ones are sealed after them, ids keep counting up, and the chain verifies.
 */
@Tag("db")
@ExtendWith(PostgresAvailability.class)
class AuditLedgerMigrationTest {

    private static final Instant AT = Instant.parse("2026-11-01T08:00:00.123456Z");

    @Test
    void aLedgerInTheFirstLayoutMigratesIntact() throws Exception {
        DataSource dataSource = TestDatabaseEnvironment.freshDatabase();
        Flyway.configure()
                .dataSource(dataSource)
                .locations(TestDatabaseEnvironment.migrationLocations())
                .target(TestDatabaseEnvironment.postgres() ? "101" : "100")
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        for (int i = 1; i <= 5; i++) {
            jdbc.sql("INSERT INTO audit_entry (recorded_at, actor_kind, action, object_type, object_id, outcome,"
                            + " details) VALUES (?, 'SYSTEM', 'test.old', 'thing', ?, 'DONE', '{}')")
                    .params(OffsetDateTime.ofInstant(AT, ZoneOffset.UTC), Integer.toString(i))
                    .update();
        }
        // The first three were sealed under the old layout, the last two still waited in the queue.
        String previous = ChainHash.GENESIS;
        for (long id = 1; id <= 3; id++) {
            String hash = ChainHash.hash(
                    id,
                    id,
                    AT,
                    "SYSTEM",
                    null,
                    null,
                    "test.old",
                    "thing",
                    Long.toString(id),
                    null,
                    "DONE",
                    "{}",
                    previous);
            jdbc.sql("INSERT INTO audit_chain (seq, entry_id, prev_hash, hash, sealed_at) VALUES (?, ?, ?, ?, ?)")
                    .params(id, id, previous, hash, OffsetDateTime.ofInstant(AT, ZoneOffset.UTC))
                    .update();
            previous = hash;
        }
        jdbc.sql("UPDATE audit_chain_head SET last_seq = 3, last_hash = ? WHERE id = 1")
                .param(previous)
                .update();
        jdbc.sql("INSERT INTO audit_pending (entry_id) VALUES (4), (5)").update();
        String thirdHash = previous;

        Flyway.configure()
                .dataSource(dataSource)
                .locations(TestDatabaseEnvironment.migrationLocations())
                .load()
                .migrate();

        AuditRepository repository = new AuditRepository(
                jdbc, new JdbcTemplate(dataSource), JsonMapper.builder().build());
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        Clock clock = Clock.systemUTC();
        AuditSealer sealer = new AuditSealer(repository, transactions, clock);
        new LedgerAuditLog(repository, sealer, clock, transactions)
                .record(
                        new Actor(Actor.Kind.SYSTEM, null, null, "migration-test", Set.of(), null),
                        AuditEvent.of("test.new", "thing", "6", null));
        assertThat(sealer.sealAll()).isEqualTo(3);

        AuditVerification result = new AuditVerifier(repository, transactions, clock, 2, 2).verify();
        assertThat(result.valid()).as(String.valueOf(result.reason())).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(6);
        assertThat(jdbc.sql("SELECT hash FROM audit_ledger WHERE seq = 3")
                        .query(String.class)
                        .single())
                .isEqualTo(thirdHash);
        List<Long> ids = jdbc.sql("SELECT id FROM audit_ledger ORDER BY seq")
                .query(Long.class)
                .list();
        assertThat(ids).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entries")
                        .query(Long.class)
                        .single())
                .isEqualTo(6);
        sealer.destroy();
    }
}
