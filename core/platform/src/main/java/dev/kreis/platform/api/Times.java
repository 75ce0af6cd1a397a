package dev.kreis.platform.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Parses times and days from request text within the years 1 to 9999 (what every time column holds), so
 * an absurd year (+999999999) is refused where the request is read, like any unreadable time, and never
 * reaches arithmetic or the database.
 */
public final class Times {
    private Times() {
    }

    /** An ISO-8601 timestamp with offset. @throws DateTimeParseException also when its year is outside 1..9999 */
    public static OffsetDateTime offsetDateTime(String text) {
        OffsetDateTime time = OffsetDateTime.parse(text);
        checkYear(time.getYear(), text);
        return time;
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
