package dev.kreis.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TimesTest {

    @Test
    void theCommonFormIsReadByHandWithTheSameValueAndOffsetAsTheFormatter() {
        for (String text : List.of("2025-01-31T10:15:00Z", "2025-01-31T10:15:00.5Z", "2025-01-31T10:15:00.123456789Z",
                "2024-02-29T23:59:59.000001+01:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999-18:00",
                "2025-06-30T12:00:00+18:00", "2025-06-30T12:00:00-00:00", "2025-06-30T12:00:00+05:45")) {
            assertNotNull(Times.commonForm(text), text);
            assertSameAsFormatter(text);
        }
    }

    @Test
    void everyOtherFormFallsBackToTheFormatterAndIsAcceptedOrRefusedAsBefore() {
        for (String text : List.of("2025-01-31T10:15Z", "2025-01-31t10:15:00z", "2025-01-31T10:15:00+01:00:30", "+12025-01-31T10:15:00Z",
                "2025-01-31T10:15:00.1234567891Z", "2025-01-31T10:15:00.Z", "2025-02-30T10:15:00Z", "2025-01-31T24:00:00Z",
                "2025-01-31T23:59:60Z", "2025-13-01T10:15:00Z", "2025-01-31T10:15:00+19:00", "2025-01-31T10:15:00+01:60",
                "2025-01-31T10:15:00", "2025-01-31 10:15:00Z", "2025-01-3aT10:15:00Z", "2025-01-31T10:15:00ZZ", "")) {
            assertNull(Times.commonForm(text), text);
            assertSameAsFormatter(text);
        }
    }

    @Test
    void randomTimesAndTheirMutationsGetWhatTheFormatterGives() {
        Random random = new Random(18);
        String alphabet = "0123456789-+:.TZtz ";
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d", random.nextInt(10_000), random.nextInt(14),
                    random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62)));
            if (random.nextBoolean()) {
                text.append('.').append(Long.toString(Math.abs(random.nextLong())), 0, 1 + random.nextInt(11));
            }
            text.append(random.nextInt(3) == 0 ? "Z" : String.format("%s%02d:%02d", random.nextBoolean() ? "+" : "-", random.nextInt(20),
                    random.nextInt(62)));
            if (random.nextInt(4) == 0) {
                text.setCharAt(random.nextInt(text.length()), alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(text.toString());
        }
        texts.forEach(TimesTest::assertSameAsFormatter);
    }

    @Test
    void yearsOutsideOneTo9999AreRefusedOnBothPaths() {
        assertThrows(DateTimeParseException.class, () -> Times.offsetDateTime("0000-01-01T00:00:00Z"));
        assertThrows(DateTimeParseException.class, () -> Times.offsetDateTime("+10000-01-01T00:00:00Z"));
    }

    private static void assertSameAsFormatter(String text) {
        OffsetDateTime expected;
        try {
            expected = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            expected = null;
        }
        OffsetDateTime actual;
        try {
            actual = Times.offsetDateTime(text);
        } catch (DateTimeParseException e) {
            actual = null;
        }
        if (expected != null && (expected.getYear() < 1 || expected.getYear() > 9999)) {
            expected = null;
        }
        assertEquals(expected, actual, text);
    }
}
