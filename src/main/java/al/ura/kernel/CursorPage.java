package al.ura.kernel;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** One page of a keyset-paginated list; {@code nextCursor} is null on the last page. */
public record CursorPage<T>(List<T> items, @Nullable String nextCursor) {

    public CursorPage {
        items = List.copyOf(items);
    }

    /**
     * Builds a page from a query that fetched {@code limit + 1} rows: the extra row only tells that
     * there is more, and the cursor is taken from the last row shown.
     */
    public static <T> CursorPage<T> of(List<T> fetched, int limit, Function<T, String> cursorOf) {
        if (fetched.size() <= limit) {
            return new CursorPage<>(fetched, null);
        }
        List<T> shown = fetched.subList(0, limit);
        return new CursorPage<>(shown, cursorOf.apply(shown.get(limit - 1)));
    }

    public <R> CursorPage<R> map(Function<T, R> mapper) {
        return new CursorPage<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
