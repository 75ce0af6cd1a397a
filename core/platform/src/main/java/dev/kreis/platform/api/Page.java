package dev.kreis.platform.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;

/** One page of a list with the cursor of the next page ({@code null} on the last page). */
public record Page<T>(List<T> items, @Schema(nullable = true, description = "The cursor of the next page; null on the last page") String nextCursor) {

    /**
     * The page from rows fetched with {@code limit + 1}: the extra row only tells that a next page
     * exists, and the cursor points after the last row kept.
     */
    public static <T> Page<T> of(List<T> rows, int limit, Function<T, Cursor> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> page = rows.subList(0, limit);
        return new Page<>(page, cursorOf.apply(page.get(limit - 1)).encode());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
