package al.ura.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CursorsTest {

    @Test
    void encodesAndDecodesKeysetValues() {
        String cursor = Cursors.encode("Zyra e Shtetit", "1b2c");
        assertThat(cursor).doesNotContain("=", "/", "+");
        assertThat(Cursors.decode(cursor, 2)).containsExactly("Zyra e Shtetit", "1b2c");
    }

    @Test
    void aForgedOrForeignCursorIsAValidationProblem() {
        assertThatThrownBy(() -> Cursors.decode("%%%", 2))
                .isInstanceOfSatisfying(
                        ProblemException.class, p -> assertThat(p.type()).isEqualTo(ProblemType.VALIDATION));
        assertThatThrownBy(() -> Cursors.decode(Cursors.encode("only-one"), 2)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Cursors.limit(0)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Cursors.limit(501)).isInstanceOf(ProblemException.class);
        assertThat(Cursors.limit(null)).isEqualTo(Cursors.DEFAULT_LIMIT);
    }

    @Test
    void aPageKnowsFromTheExtraRowThatMoreFollow() {
        CursorPage<String> more = CursorPage.of(List.of("a", "b", "c"), 2, s -> s);
        CursorPage<String> last = CursorPage.of(List.of("a", "b"), 2, s -> s);

        assertThat(more.items()).containsExactly("a", "b");
        assertThat(more.nextCursor()).isEqualTo("b");
        assertThat(last.nextCursor()).isNull();
    }
}
