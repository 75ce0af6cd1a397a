package dev.kreis.module.marketing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.kreis.spi.api.ProblemException;

/** {@code ?limit=&cursor=} and the {@code {"items":[...],"nextCursor":...}} answer. */
final class Paging {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private Paging() {
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
            // falls through
        }
        throw ProblemException.malformed("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    /** An opaque cursor: base64url of the position parts joined by '|'. */
    static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a cursor this server issued with {@code count} parts; {@code null} for none; 400 otherwise. */
    static String[] decode(String cursor, int count) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length == count) {
                return parts;
            }
        } catch (IllegalArgumentException e) {
            // falls through
        }
        throw ProblemException.malformed("cursor", "is not a cursor this server issued");
    }

    static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.malformed("cursor", "is not a cursor this server issued");
        }
    }

    static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (java.time.DateTimeException e) {
            throw ProblemException.malformed("cursor", "is not a cursor this server issued");
        }
    }

    /** A path id. */
    static UUID id(String name, String value) {
        try {
            if (value != null && value.trim().length() == 36) {
                return UUID.fromString(value.trim());
            }
        } catch (IllegalArgumentException e) {
            // falls through
        }
        throw ProblemException.malformed(name, "must be a UUID");
    }

    static Map<String, Object> page(List<?> items, String nextCursor) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("nextCursor", nextCursor);
        return out;
    }
}
