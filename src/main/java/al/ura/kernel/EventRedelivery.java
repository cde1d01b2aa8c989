package al.ura.kernel;

import java.time.Duration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the events between modules whose listener failed or whose node died, from the
 * event publication registry. One node at a time, so an event is not handed over twice at once.
 */
@Component
class EventRedelivery {

    private static final Duration OLDER_THAN = Duration.ofMinutes(5);

    private final IncompleteEventPublications incomplete;
    private final JobLocks locks;

    EventRedelivery(IncompleteEventPublications incomplete, JobLocks locks) {
        this.incomplete = incomplete;
        this.locks = locks;
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT2M")
    void redeliver() {
        locks.runExclusively(
                "event-redelivery",
                Duration.ofMinutes(4),
                () -> incomplete.resubmitIncompletePublicationsOlderThan(OLDER_THAN));
    }
}
