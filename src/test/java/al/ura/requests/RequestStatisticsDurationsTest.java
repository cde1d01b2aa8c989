package al.ura.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The medians and 90th percentiles the statistics select without sorting equal PERCENTILE_CONT's
 * definition computed from the sorted values: by hand on small cases, and against sorting on many
 * random ones, with many equal values among them.
 */
class RequestStatisticsDurationsTest {

    @Test
    void handComputedCases() {
        // 2, 4, 10, 30, 100 in any order: median 10; p90 rank 3.6 → 30 + 0.6 × 70 = 72.
        assertThat(percentiles(100, 2, 30, 10, 4)).containsExactly(new BigDecimal("10"), new BigDecimal("72.0"));
        // 0, 2, 4, 10, 30, 100: median rank 2.5 → 7; p90 rank 4.5 → 65.
        assertThat(percentiles(30, 0, 100, 4, 10, 2)).containsExactly(new BigDecimal("7.0"), new BigDecimal("65.0"));
        assertThat(percentiles(7)).containsExactly(new BigDecimal("7"), new BigDecimal("7"));
        assertThat(percentiles(5, 5, 5, 5)).containsExactly(new BigDecimal("5.0"), new BigDecimal("5.0"));
        assertThat(new RequestStatistics.Durations().percentile(new BigDecimal("0.5")))
                .isNull();
    }

    @Test
    void equalWhatSortingGivesOnRandomDurations() {
        SplittableRandom random = new SplittableRandom(20261201);
        for (int round = 0; round < 2_000; round++) {
            int n = 1 + random.nextInt(round < 1_000 ? 40 : 5_000);
            long bound = random.nextBoolean() ? 5 : 1_000_000; // few distinct values, or nearly all distinct
            long[] values = random.longs(n, 0, bound).toArray();
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            RequestStatistics.Durations durations = new RequestStatistics.Durations();
            // In pieces, as the groups' rows hand them over.
            int cut = random.nextInt(n + 1);
            durations.add(Arrays.copyOfRange(values, 0, cut));
            durations.add(Arrays.copyOfRange(values, cut, n));
            for (String p : new String[] {"0.5", "0.9"}) {
                assertThat(durations.percentile(new BigDecimal(p)))
                        .as("n=%d p=%s", n, p)
                        .isEqualByComparingTo(fromSorted(sorted, new BigDecimal(p)));
            }
        }
    }

    private static BigDecimal[] percentiles(long... values) {
        RequestStatistics.Durations durations = new RequestStatistics.Durations();
        durations.add(values);
        return new BigDecimal[] {
            durations.percentile(new BigDecimal("0.5")), durations.percentile(new BigDecimal("0.9"))
        };
    }

    /** PERCENTILE_CONT as defined: interpolated between the sorted values at the ranks around p × (n − 1). */
    private static BigDecimal fromSorted(long[] sorted, BigDecimal p) {
        BigDecimal rank = p.multiply(BigDecimal.valueOf(sorted.length - 1L));
        int lower = rank.intValue();
        int upper = Math.min(lower + 1, sorted.length - 1);
        return BigDecimal.valueOf(sorted[lower])
                .add(rank.subtract(BigDecimal.valueOf(lower))
                        .multiply(BigDecimal.valueOf(sorted[upper] - sorted[lower])));
    }
}
