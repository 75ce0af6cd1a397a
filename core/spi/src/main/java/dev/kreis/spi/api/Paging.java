package dev.kreis.spi.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keyset paging as every Kreis list does it: {@code ?limit=&cursor=} in, {@code {"items": [...],
 * "nextCursor": ...}} out, the cursor an opaque base64url string of the last item's sort key parts.
 * Modules' list endpoints use it so their limits, cursors and 400 answers are the same in every module:
 * the answer's shape and the 400s naming {@code limit} or {@code cursor} are the platform's; the largest
 * page is smaller than the platform lists' 500 ({@link #MAX_LIMIT}).
 *
 * <p>Thread-safety: stateless. Stability: stable.
 */
public final class Paging {
    /** Items per page when a request names no {@code limit}. */
    public static final int DEFAULT_LIMIT = 50;
    /** The largest {@code limit} a request may ask for. */
    public static final int MAX_LIMIT = 200;

    private Paging() {
    }

    /**
     * The page size a request asked for: {@link #DEFAULT_LIMIT} when absent.
     *
     * @throws ProblemException 400 naming {@code limit} unless it is a whole number from 1 to {@link #MAX_LIMIT}
     */
    public static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.malformed("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    /** An opaque cursor for the position given by {@code parts} (none may contain {@code '|'}). */
    public static String cursor(String... parts) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The parts of a cursor {@link #cursor} made from {@code count} parts; empty when the request has no cursor.
     *
     * @throws ProblemException 400 naming {@code cursor} ({@link #foreignCursor()}) for anything else
     */
    public static Optional<String[]> cursorParts(String cursor, int count) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length == count) {
                return Optional.of(parts);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw foreignCursor();
    }

    /** The 400 for a cursor this server did not hand out (also for one whose parts do not parse). */
    public static ProblemException foreignCursor() {
        return ProblemException.malformed("cursor", "is not a cursor this server issued");
    }

    /** The list answer: {@code {"items": [...], "nextCursor": ...}}, {@code nextCursor} {@code null} on the last page. */
    public static Map<String, Object> page(List<?> items, String nextCursor) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        page.put("nextCursor", nextCursor);
        return page;
    }
}
