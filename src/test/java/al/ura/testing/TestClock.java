package al.ura.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * The clock of every test context: the system's time until a test sets it, then exactly the time
 * the test says, moved only by {@link #advance}. Deadlines, reminders and expiries are tested by
 * setting it and running the job, never by sleeping. {@link DatabaseTest} resets it after each test.
 */
public class TestClock extends Clock {

    private volatile @Nullable Instant fixed;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        return now != null ? now : Instant.now();
    }

    public void set(Instant instant) {
        fixed = instant;
    }

    public void advance(Duration duration) {
        fixed = instant().plus(duration);
    }

    /** Back to the system's time. */
    public void reset() {
        fixed = null;
    }
}
