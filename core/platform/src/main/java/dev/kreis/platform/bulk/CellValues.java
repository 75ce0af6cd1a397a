package dev.kreis.platform.bulk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads numbers and dates written the way the plan says (German 1.234,56 and 31.12.2026 included). */
final class CellValues {
    private final ImportPlan plan;

    CellValues(ImportPlan plan) {
        this.plan = plan;
    }

    /** The number, or empty when the text is not one in the plan's format. */
    Optional<BigDecimal> number(String text) {
        String compact = text.replace("\u00a0", "").replace(" ", "").replace("'", "");
        compact = plan.decimalSeparator() == ',' ? compact.replace(".", "").replace(',', '.') : compact.replace(",", "");
        try {
            return Optional.of(new BigDecimal(compact));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The instant as ISO-8601 text, or empty when it does not match the plan's date format (ISO-8601 without one). */
    Optional<String> time(String text) {
        if (plan.dateFormat() == null) {
            return Optional.of(text);
        }
        try {
            if (!plan.dateHasTime()) {
                return Optional.of(LocalDate.parse(text, plan.dateFormat()).atStartOfDay().atOffset(ZoneOffset.UTC).toString());
            }
            try {
                return Optional.of(OffsetDateTime.parse(text, plan.dateFormat()).toString());
            } catch (DateTimeParseException e) {
                return Optional.of(LocalDateTime.parse(text, plan.dateFormat()).atOffset(ZoneOffset.UTC).toString());
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
