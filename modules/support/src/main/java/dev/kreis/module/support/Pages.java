package dev.kreis.module.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.kreis.spi.api.Paging;

/** Paging helpers: limits and opaque cursors (the last item's sort key, sealed by {@link Paging#cursor}). */
final class Pages {
    private Pages() {
    }

    /** One page of a list with the cursor of the next page ({@code null} on the last page). */
    record Page<T>(List<T> items, String nextCursor) {
    }

    /** Where a ticket list continues: after the ticket opened at {@code openedAt} with {@code id}. */
    record TicketPosition(Instant openedAt, UUID id) {
    }

    static int limit(String value) {
        return Paging.limit(value);
    }

    static String encode(String... parts) {
        return Paging.cursor(parts);
    }

    /** The ticket list's position in a cursor, {@code null} for the first page; 400 naming {@code cursor} for anything else. */
    static TicketPosition ticketPosition(String cursor) {
        return Paging.cursorParts(cursor, 2).map(parts -> new TicketPosition(Paging.instantPart(parts[0]), Paging.idPart(parts[1])))
                .orElse(null);
    }

    /** The history sequence number in a cursor, 0 for the first page; 400 naming {@code cursor} for anything else. */
    static long sequence(String cursor) {
        return Paging.cursorParts(cursor, 1).map(parts -> Paging.wholePart(parts[0], 0, Long.MAX_VALUE)).orElse(0L);
    }
}
