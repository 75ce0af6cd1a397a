package dev.kreis.module.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import dev.kreis.spi.api.ProblemException;

/** Paging helpers: limits and opaque cursors (base64url of the last item's sort key). */
final class Pages {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private Pages() {
    }

    /** One page of a list with the cursor of the next page ({@code null} on the last page). */
    record Page<T>(List<T> items, String nextCursor) {
    }

    static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.malformed("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The decoded cursor, {@code null} for the first page. */
    static String decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw notOurs();
        }
    }

    static ProblemException notOurs() {
        return ProblemException.malformed("cursor", "is not a cursor this server issued");
    }
}
