package dev.kreis.module.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import dev.kreis.spi.api.Paging;
import dev.kreis.spi.api.ProblemException;

/** Paging helpers: limits and opaque cursors (base64url of the last item's sort key). */
final class Pages {
    private Pages() {
    }

    /** One page of a list with the cursor of the next page ({@code null} on the last page). */
    record Page<T>(List<T> items, String nextCursor) {
    }

    static int limit(String value) {
        return Paging.limit(value);
    }

    static String encode(String position) {
        return Paging.cursor(position);
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
        return Paging.foreignCursor();
    }
}
