package dev.kreis.spi.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Keyset paging as every Kreis list does it: {@code ?limit=&cursor=} in, {@code {"items": [...],
 * "nextCursor": ...}} out, the cursor an opaque string of the last item's sort key parts, sealed with the
 * installation's key ({@link CursorSeal}) so a client can only hand back cursors this installation issued.
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
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");

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

    /** An opaque, sealed cursor for the position given by {@code parts} (none may contain {@code '|'}). */
    public static String cursor(String... parts) {
        return CursorSeal.seal(String.join("|", parts));
    }

    /**
     * The parts of a cursor {@link #cursor} made from {@code count} parts; empty when the request has no cursor.
     *
     * The caller still range-checks each part before using it.
     *
     * @throws ProblemException 400 naming {@code cursor} ({@link #foreignCursor()}) for anything else,
     *         among them every cursor not sealed with this installation's key
     */
    public static Optional<String[]> cursorParts(String cursor, int count) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        String[] parts = CursorSeal.open(cursor).split("\\|", -1);
        if (parts.length != count) {
            throw foreignCursor();
        }
        return Optional.of(parts);
    }

    /**
     * A cursor part that is a point in time (ISO-8601, e.g. {@code 2026-12-01T10:00:00Z}) between the years 1 and 9999.
     *
     * @throws ProblemException 400 naming {@code cursor} for anything else
     */
    public static Instant instantPart(String part) {
        try {
            Instant instant = Instant.parse(part);
            if (!instant.isBefore(EARLIEST) && instant.isBefore(END)) {
                return instant;
            }
        } catch (DateTimeException e) {
            // answered below
        }
        throw foreignCursor();
    }

    /**
     * A cursor part that is a whole number from {@code min} to {@code max}.
     *
     * @throws ProblemException 400 naming {@code cursor} for anything else
     */
    public static long wholePart(String part, long min, long max) {
        try {
            long value = Long.parseLong(part);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw foreignCursor();
    }

    /**
     * A cursor part that is an id.
     *
     * @throws ProblemException 400 naming {@code cursor} for anything else
     */
    public static UUID idPart(String part) {
        try {
            if (part.length() == 36) {
                return UUID.fromString(part);
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
