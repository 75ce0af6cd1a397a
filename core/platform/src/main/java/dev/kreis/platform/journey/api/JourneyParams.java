package dev.kreis.platform.journey.api;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.MalformedRequestException;
import dev.kreis.platform.api.Times;
import dev.kreis.platform.journey.JourneyWindow;
import dev.kreis.spi.touchpoint.JourneyPhase;

/** Parsing of the journey endpoints' query and path parameters; each failure names its parameter. */
final class JourneyParams {
    /** The period of the endpoints over all customers when {@code from} is not given: this long before {@code to}. */
    static final Duration DEFAULT_PERIOD = Duration.ofDays(90);

    private static final String TIME_FORMAT = "must be an ISO-8601 timestamp with offset such as 2025-01-31T00:00:00Z,"
            + " or a date such as 2025-01-31 (midnight UTC)";
    private static final String PHASES = "awareness, interest, consideration, intent, purchase, retention, advocacy";

    private JourneyParams() {
    }

    /** A customer's window: either end may be left open. */
    static JourneyWindow window(String from, String to) {
        return checked(time("from", from).orElse(null), time("to", to).orElse(null));
    }

    /** A period over all customers: {@code to} defaults to now, {@code from} to {@link #DEFAULT_PERIOD} before {@code to}. */
    static JourneyWindow period(String from, String to, Clock clock) {
        OffsetDateTime end = time("to", to).orElseGet(() -> OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        OffsetDateTime start = time("from", from).orElseGet(() -> end.minus(DEFAULT_PERIOD));
        return checked(start, end);
    }

    static JourneyPhase phase(String value) {
        return JourneyPhase.fromWire(value == null ? null : value.trim())
                .orElseThrow(() -> new MalformedRequestException("phase", "must be one of " + PHASES));
    }

    private static JourneyWindow checked(OffsetDateTime from, OffsetDateTime to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInputException("from", "must be before to (" + to + "); the window is [from, to), to excluded");
        }
        return new JourneyWindow(from, to);
    }

    /** A timestamp with offset, or a date meaning midnight UTC; in UTC. */
    static Optional<OffsetDateTime> time(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        try {
            return Optional.of(Times.offsetDateTime(trimmed).withOffsetSameInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notATimestamp) {
            try {
                return Optional.of(Times.localDate(trimmed).atStartOfDay().atOffset(ZoneOffset.UTC));
            } catch (DateTimeParseException notADate) {
                throw new MalformedRequestException(name, TIME_FORMAT);
            }
        }
    }
}
