package al.ura.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DatabaseTest
class TestClockTest {

    @Autowired
    Clock clock;

    @Autowired
    TestClock testClock;

    @Test
    void theApplicationsClockIsTheTestClock() {
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        testClock.set(at);
        testClock.advance(Duration.ofHours(2));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
        testClock.reset();
        assertThat(clock.instant()).isAfter(Instant.parse("2026-11-01T00:00:00Z"));
    }
}
