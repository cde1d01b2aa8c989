package al.ura.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChainHashTest {

    private static final Instant AT = Instant.parse("2026-11-24T10:15:30.123456Z");
    private static final UUID USER = UUID.fromString("00000000-0000-0000-0000-000000000001");

    private static String hash(String objectId, String previous) {
        return ChainHash.hash(
                7, 42, AT, "USER", USER, null, "identity.user.read", "user", objectId, null, "DONE", "{}", previous);
    }

    @Test
    void isDeterministicAndDependsOnEveryField() {
        String base = hash("x", ChainHash.GENESIS);
        assertThat(base).hasSize(64).isEqualTo(hash("x", ChainHash.GENESIS));
        assertThat(hash("y", ChainHash.GENESIS)).isNotEqualTo(base);
        assertThat(hash("x", "1" + ChainHash.GENESIS.substring(1))).isNotEqualTo(base);
        assertThat(ChainHash.hash(
                        8,
                        42,
                        AT,
                        "USER",
                        USER,
                        null,
                        "identity.user.read",
                        "user",
                        "x",
                        null,
                        "DONE",
                        "{}",
                        ChainHash.GENESIS))
                .isNotEqualTo(base);
        assertThat(ChainHash.hash(
                        7,
                        42,
                        AT.plusNanos(1000),
                        "USER",
                        USER,
                        null,
                        "identity.user.read",
                        "user",
                        "x",
                        null,
                        "DONE",
                        "{}",
                        ChainHash.GENESIS))
                .isNotEqualTo(base);
    }

    @Test
    void nullEmptyAndTildeAreThreeDifferentValues() {
        assertThat(hash(null, ChainHash.GENESIS))
                .isNotEqualTo(hash("", ChainHash.GENESIS))
                .isNotEqualTo(hash("~", ChainHash.GENESIS));
        assertThat(hash("", ChainHash.GENESIS)).isNotEqualTo(hash("~", ChainHash.GENESIS));
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        // "ab" + "c" and "a" + "bc" must not hash alike: each field carries its length.
        String one =
                ChainHash.hash(1, 1, AT, "USER", null, null, "ab", "c", null, null, "DONE", "{}", ChainHash.GENESIS);
        String two =
                ChainHash.hash(1, 1, AT, "USER", null, null, "a", "bc", null, null, "DONE", "{}", ChainHash.GENESIS);
        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void detailsAreSortedAndEscaped() {
        assertThat(ChainHash.detailsJson(Map.of("b", "2", "a", "q\"\\\n\u0001")))
                .isEqualTo("{\"a\":\"q\\\"\\\\\\n\\u0001\",\"b\":\"2\"}");
        assertThat(ChainHash.detailsJson(Map.of())).isEqualTo("{}");
    }

    @Test
    void timesAreKeptToTheMicrosecondTheDatabasesStore() {
        assertThat(ChainHash.normalise(Instant.parse("2026-01-01T00:00:00.123456789Z")))
                .isEqualTo(Instant.parse("2026-01-01T00:00:00.123456Z"));
    }
}
