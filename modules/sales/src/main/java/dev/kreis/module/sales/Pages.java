package dev.kreis.module.sales;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.kreis.spi.api.ProblemException;

/** Query-parameter parsing and opaque cursors for the module's lists. */
final class Pages {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private Pages() {
    }

    static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.malformed("limit", "must be a whole number between 1 and " + MAX_LIMIT);
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
        String raw = rank + "|" + time.getEpochSecond() + "|" + time.getNano() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 4) {
                throw new IllegalArgumentException();
            }
            return new Position(Long.parseLong(parts[0]), Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2])),
                    UUID.fromString(parts[3]));
        } catch (RuntimeException e) {
            throw ProblemException.malformed("cursor", "is not a cursor this list handed out");
        }
    }

    /** The list response shape: {@code {"items": [...], "nextCursor": ...}}. */
    static Map<String, Object> page(List<?> items, String nextCursor) {
        java.util.LinkedHashMap<String, Object> page = new java.util.LinkedHashMap<>();
        page.put("items", items);
        page.put("nextCursor", nextCursor);
        return page;
    }
}
