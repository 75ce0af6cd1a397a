package dev.kreis.platform.api;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.kreis.spi.api.CursorSeal;
import dev.kreis.spi.api.ProblemException;

/**
 * An opaque keyset cursor: the sort position (a time or a number, and an id) of the last item of a
 * page, sealed with the installation's key ({@link CursorSeal}). Clients pass it back unchanged; one
 * this installation did not issue is 400 naming {@code cursor}, and so is a position out of range.
 */
public record Cursor(String position, UUID id) {
    private static final int MAX_POSITION_LENGTH = 64;
    private static final int MAX_PRECISION = 38;
    private static final int MAX_SCALE = 18;

    public static Cursor after(OffsetDateTime time, UUID id) {
        return new Cursor(time.toString(), id);
    }

    /**
     * Appends the keyset condition "before this cursor" for a list ordered by
     * {@code timeColumn desc, idColumn desc}; nothing for the first page.
     */
    public static void appendBefore(Cursor cursor, String timeColumn, String idColumn, StringBuilder sql, java.util.List<Object> params) {
        if (cursor == null) {
            return;
        }
        sql.append(" and (").append(timeColumn).append(" < ? or (").append(timeColumn).append(" = ? and ").append(idColumn).append(" < ?))");
        params.add(cursor.time());
        params.add(cursor.time());
        params.add(cursor.id());
    }

    public String encode() {
        return CursorSeal.seal(position + "|" + id);
    }

    /**
     * Decodes a cursor from a query parameter; {@code null} or blank means the first page. A cursor not
     * sealed with this installation's key ({@link CursorSeal}) is refused before it is read.
     */
    public static Cursor decode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = open(value);
        int bar = text.lastIndexOf('|');
        if (bar < 1 || bar > MAX_POSITION_LENGTH || text.length() - bar - 1 != 36) {
            throw foreign();
        }
        try {
            return new Cursor(text.substring(0, bar), UUID.fromString(text.substring(bar + 1)));
        } catch (IllegalArgumentException e) {
            throw foreign();
        }
    }

    /** The position as a time between the years 1 and 9999 (what every time column holds). */
    public OffsetDateTime time() {
        try {
            OffsetDateTime time = OffsetDateTime.parse(position);
            int year = time.toInstant().atOffset(ZoneOffset.UTC).getYear();
            if (year >= 1 && year <= 9999) {
                return time;
            }
        } catch (DateTimeException e) {
            // answered below
        }
        throw foreign();
    }

    /** The position as a number with at most {@value #MAX_PRECISION} digits, {@value #MAX_SCALE} of them after the point. */
    public BigDecimal number() {
        try {
            BigDecimal number = new BigDecimal(position);
            if (number.precision() <= MAX_PRECISION && number.scale() >= 0 && number.scale() <= MAX_SCALE) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw foreign();
    }

    private static String open(String value) {
        try {
            return CursorSeal.open(value);
        } catch (ProblemException e) {
            throw foreign();
        }
    }

    private static MalformedRequestException foreign() {
        return new MalformedRequestException("cursor", "is not a cursor this server issued");
    }
}
