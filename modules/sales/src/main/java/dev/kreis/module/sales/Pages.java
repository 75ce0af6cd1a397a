package dev.kreis.module.sales;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.kreis.spi.api.Paging;
import dev.kreis.spi.api.ProblemException;

/** Query-parameter parsing and opaque cursors for the module's lists. */
final class Pages {
    private static final long MAX_RANK = 100;
    private static final long EARLIEST_SECOND = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    private static final long LATEST_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    private Pages() {
    }

    static int limit(String value) {
        return Paging.limit(value);
    }

    /** A path or query id; 400 naming {@code name} when it is not a UUID. */
    static UUID id(String name, String value) {
        try {
            return UUID.fromString(value == null ? "" : value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.malformed(name, "must be an id (UUID)");
        }
    }

    /** An optional query id. */
    static UUID optionalId(String name, String value) {
        return value == null || value.isBlank() ? null : id(name, value);
    }

    /** An optional query value that must be one of {@code allowed}. */
    static String optionalChoice(String name, String value, List<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!allowed.contains(value.trim())) {
            throw ProblemException.malformed(name, "must be one of " + allowed);
        }
        return value.trim();
    }

    /** A position in a list: the sort key parts of the last item of the previous page. */
    record Position(long rank, Instant time, UUID id) {
    }

    static String encode(long rank, Instant time, UUID id) {
        return Paging.cursor(Long.toString(rank), Long.toString(time.getEpochSecond()), Integer.toString(time.getNano()), id.toString());
    }

    static Position decode(String cursor) {
        String[] parts = Paging.cursorParts(cursor, 4).orElse(null);
        if (parts == null) {
            return null;
        }
        Instant time = Instant.ofEpochSecond(Paging.wholePart(parts[1], EARLIEST_SECOND, LATEST_SECOND),
                Paging.wholePart(parts[2], 0, 999_999_999));
        return new Position(Paging.wholePart(parts[0], 0, MAX_RANK), time, Paging.idPart(parts[3]));
    }

    /** The list response shape: {@code {"items": [...], "nextCursor": ...}}. */
    static Map<String, Object> page(List<?> items, String nextCursor) {
        return Paging.page(items, nextCursor);
    }
}
