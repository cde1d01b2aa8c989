package al.ura.kernel;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs a scheduled job on one node at a time: the node that moves a lease row forward in the
 * database runs the job; the others skip this round. A crashed node's lease simply expires.
 */
@Component
public class JobLocks {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    JobLocks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Runs {@code job} if this node gets the lease named {@code name}; returns whether it ran. */
    public boolean runExclusively(String name, Duration lease, Runnable job) {
        if (!acquire(name, lease)) {
            return false;
        }
        try {
            job.run();
        } finally {
            release(name);
        }
        return true;
    }

    boolean acquire(String name, Duration lease) {
        Instant now = clock.instant();
        OffsetDateTime until = utc(now.plus(lease));
        int moved = jdbc.sql("UPDATE job_lock SET locked_until = ?, locked_by = ? WHERE name = ? AND locked_until <= ?")
                .params(until, node, name, utc(now))
                .update();
        if (moved == 1) {
            return true;
        }
        try {
            return jdbc.sql("INSERT INTO job_lock (name, locked_until, locked_by) VALUES (?, ?, ?)")
                            .params(name, until, node)
                            .update()
                    == 1;
        } catch (DuplicateKeyException heldElsewhere) {
            return false;
        }
    }

    void release(String name) {
        jdbc.sql("UPDATE job_lock SET locked_until = ? WHERE name = ? AND locked_by = ?")
                .params(utc(clock.instant()), name, node)
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
