package al.ura.requests;

import static org.assertj.core.api.Assertions.assertThat;

import al.ura.kernel.CursorPage;
import al.ura.testing.DatabaseTest;
import al.ura.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The provider's inbox pages through everything sent to it, newest first, once each, under every filter. */
@DatabaseTest
class RequestInboxTest {

    @Autowired
    RequestFixtures fixtures;

    @Autowired
    LegalRequests requests;

    @Autowired
    ProviderDesk desk;

    @Autowired
    TestClock clock;

    @Test
    void pagesFollowTheCursorInOrderAndKeepTheFilter() {
        RequestFixtures.World world = fixtures.world();
        clock.set(Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS));
        List<RequestView> sent = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            RequestType type = i % 3 == 0 ? RequestType.EMERGENCY_DISCLOSURE : RequestType.DISCLOSURE;
            sent.add(fixtures.submitted(
                    world, fixtures.draft(world, type, List.of(fixtures.ip("203.0.113." + (40 + i))))));
            if (i % 2 == 1) { // pairs sent at the same instant: the id orders them
                clock.advance(Duration.ofMinutes(5));
            }
        }
        desk.acknowledge(world.compliance().actor(), sent.get(1).id());
        desk.acknowledge(world.compliance().actor(), sent.get(3).id());
        requests.createDraft(world.officer().actor(), fixtures.draft(world)); // not sent: never in the inbox

        List<UUID> newestFirst = sent.stream()
                .sorted(Comparator.comparing((RequestView r) -> java.util.Objects.requireNonNull(r.submittedAt()))
                        .thenComparing(r -> r.id().toString()) // the databases order ids as unsigned bytes
                        .reversed())
                .map(RequestView::id)
                .toList();
        assertThat(all(world, RequestRepository.Filter.none())).containsExactlyElementsOf(newestFirst);
        assertThat(all(world, new RequestRepository.Filter(null, null, true, false, null)))
                .containsExactlyElementsOf(newestFirst.stream()
                        .filter(id -> sent.stream().anyMatch(r -> r.id().equals(id) && r.emergency()))
                        .toList());
        assertThat(all(
                        world,
                        new RequestRepository.Filter(EnumSet.of(RequestStatus.ACKNOWLEDGED), null, null, false, null)))
                .containsExactlyElementsOf(newestFirst.stream()
                        .filter(id -> id.equals(sent.get(1).id())
                                || id.equals(sent.get(3).id()))
                        .toList());
        assertThat(all(world, new RequestRepository.Filter(RequestStatus.OPEN, Priority.NORMAL, false, false, null)))
                .containsExactlyElementsOf(newestFirst.stream()
                        .filter(id -> sent.stream().anyMatch(r -> r.id().equals(id) && !r.emergency()))
                        .toList());

        clock.advance(Duration.ofDays(11)); // past every answer's due time
        assertThat(all(world, new RequestRepository.Filter(null, null, null, true, null)))
                .containsExactlyElementsOf(newestFirst);
        assertThat(all(world, new RequestRepository.Filter(null, Priority.HIGH, null, true, null)))
                .isEmpty();
    }

    /** Every page of two, following the cursor to the end. */
    private List<UUID> all(RequestFixtures.World world, RequestRepository.Filter filter) {
        List<UUID> ids = new ArrayList<>();
        @Nullable String cursor = null;
        do {
            CursorPage<RequestSummary> page = requests.inbox(world.compliance().actor(), filter, cursor, 2);
            page.items().forEach(row -> ids.add(row.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }
}
