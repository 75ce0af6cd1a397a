package dev.kreis.platform.api;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Parses times and days from request text within the years 1 to 9999 (what every time column holds), so
 * an absurd year (+999999999) is refused where the request is read, like any unreadable time, and never
 * reaches arithmetic or the database.
 */
public final class Times {
    private Times() {
    }

    /**
     * An ISO-8601 timestamp with offset ({@link OffsetDateTime#parse}). The form senders use almost always,
     * {@code 2025-01-31T10:15:00Z} with or without a fraction of up to 9 digits and with {@code Z} or
     * {@code ±hh:mm}, is read by hand (ingestion reads one per touchpoint, and the formatter was about a
     * quarter of reading a touchpoint); every other text, and every value out of range, goes to {@link OffsetDateTime#parse},
     * which accepts or refuses it as before.
     *
     * @throws DateTimeParseException also when its year is outside 1..9999
     */
    public static OffsetDateTime offsetDateTime(String text) {
        OffsetDateTime time = commonForm(text);
        if (time == null) {
            time = OffsetDateTime.parse(text);
        }
        checkYear(time.getYear(), text);
        return time;
    }

    /** {@code uuuu-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:mm)} as a time, or null for any other text or a value out of range. */
    static OffsetDateTime commonForm(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int at = 19;
        int nano = 0;
        if (text.charAt(at) == '.') {
            int start = ++at;
            while (at < length && at - start < 10 && isDigit(text.charAt(at))) {
                at++;
            }
            int fraction = at - start;
            if (fraction == 0 || fraction > 9) {
                return null;
            }
            nano = digits(text, start, fraction);
            for (int i = fraction; i < 9; i++) {
                nano *= 10;
            }
        }
        ZoneOffset offset;
        if (at == length - 1 && text.charAt(at) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (at == length - 6 && (text.charAt(at) == '+' || text.charAt(at) == '-') && text.charAt(at + 3) == ':') {
            int offsetHours = digits(text, at + 1, 2);
            int offsetMinutes = digits(text, at + 4, 2);
            if ((offsetHours | offsetMinutes) < 0 || offsetMinutes > 59) {
                return null;
            }
            int seconds = offsetHours * 3600 + offsetMinutes * 60;
            if (seconds > 18 * 3600) {
                return null;
            }
            offset = ZoneOffset.ofTotalSeconds(text.charAt(at) == '-' ? -seconds : seconds);
        } else {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal number of {@code count} ASCII digits at {@code from}, or -1 if any is not one. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** An ISO-8601 date. @throws DateTimeParseException also when its year is outside 1..9999 */
    public static LocalDate localDate(String text) {
        LocalDate day = LocalDate.parse(text);
        checkYear(day.getYear(), text);
        return day;
    }

    private static void checkYear(int year, String text) {
        if (year < 1 || year > 9999) {
            throw new DateTimeParseException("year outside 1 to 9999", text, 0);
        }
    }
}
