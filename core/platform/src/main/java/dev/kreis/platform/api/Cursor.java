package dev.kreis.platform.api;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * An opaque keyset cursor: the sort position (a time or a number, and an id) of the last item of a
 * page, base64url-encoded. Clients pass it back unchanged.
 */
public record Cursor(String position, UUID id) {

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
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((position + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor from a query parameter; {@code null} or blank means the first page. */
    public static Cursor decode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            int bar = text.lastIndexOf('|');
            return new Cursor(text.substring(0, bar), UUID.fromString(text.substring(bar + 1)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new MalformedRequestException("cursor", "is not a cursor this server issued");
        }
    }

    public OffsetDateTime time() {
        try {
            return OffsetDateTime.parse(position);
        } catch (DateTimeParseException e) {
            throw new MalformedRequestException("cursor", "is not a cursor this server issued");
        }
    }

    public java.math.BigDecimal number() {
        try {
            return new java.math.BigDecimal(position);
        } catch (NumberFormatException e) {
            throw new MalformedRequestException("cursor", "is not a cursor this server issued");
        }
    }
}
