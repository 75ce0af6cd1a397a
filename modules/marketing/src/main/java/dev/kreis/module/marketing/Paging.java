package dev.kreis.module.marketing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.kreis.spi.api.ProblemException;

/** The marketing lists' paging: the SPI's {@link dev.kreis.spi.api.Paging}, plus the cursor parts this module stores. */
final class Paging {
    private Paging() {
    }

    static int limit(String value) {
        return dev.kreis.spi.api.Paging.limit(value);
    }

    /** An opaque cursor for the position parts, sealed with the installation's key. */
    static String encode(String... parts) {
        return dev.kreis.spi.api.Paging.cursor(parts);
    }

    /** The parts of a cursor this server issued with {@code count} parts; {@code null} for none; 400 otherwise. */
    static String[] decode(String cursor, int count) {
        return dev.kreis.spi.api.Paging.cursorParts(cursor, count).orElse(null);
    }

    static UUID uuid(String value) {
        return dev.kreis.spi.api.Paging.idPart(value);
    }

    static Instant instant(String value) {
        return dev.kreis.spi.api.Paging.instantPart(value);
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
        return dev.kreis.spi.api.Paging.page(items, nextCursor);
    }
}
