package dev.kreis.platform.kpi.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.MalformedRequestException;
import dev.kreis.platform.api.Times;
import dev.kreis.platform.kpi.DayPeriod;
import dev.kreis.platform.kpi.KpiEngine;
import dev.kreis.spi.kpi.KpiDefinition;
import dev.kreis.spi.touchpoint.JourneyPhase;

/** Parsing of the KPI endpoints' query parameters; each failure names its parameter. */
public final class KpiParams {
    private static final String DATE_FORMAT = "must be a date such as 2031-01-31 or midnight UTC such as 2031-01-31T00:00:00Z";

    private KpiParams() {
    }

    /** {@code from} and {@code to}; a missing {@code to} is tomorrow (today included), a missing {@code from} the default length before {@code to}. */
    public static DayPeriod period(String from, String to, KpiEngine engine) {
        Optional<LocalDate> start = day("from", from);
        Optional<LocalDate> end = day("to", to);
        DayPeriod fallback = engine.defaultPeriod();
        LocalDate last = end.orElse(fallback.to());
        LocalDate first = start.orElse(last.minusDays(fallback.to().toEpochDay() - fallback.from().toEpochDay()));
        if (!first.isBefore(last)) {
            throw new InvalidInputException("from", "must be before to (" + last + "); the period is [from, to), to excluded");
        }
        return new DayPeriod(first, last);
    }

    /** A day given as {@code YYYY-MM-DD} or as an instant at midnight UTC. */
    static Optional<LocalDate> day(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        try {
            return Optional.of(Times.localDate(trimmed));
        } catch (DateTimeParseException notADate) {
            try {
                OffsetDateTime instant = Times.offsetDateTime(trimmed).withOffsetSameInstant(ZoneOffset.UTC);
                if (!instant.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
                    throw new MalformedRequestException(name, DATE_FORMAT + "; KPIs are computed per UTC day");
                }
                return Optional.of(instant.toLocalDate());
            } catch (DateTimeParseException notAnInstant) {
                throw new MalformedRequestException(name, DATE_FORMAT);
            }
        }
    }

    public static KpiEngine.Filters filters(String phase, String module, String segment) {
        Optional<JourneyPhase> journeyPhase = Optional.ofNullable(phase).filter(p -> !p.isBlank())
                .map(p -> JourneyPhase.fromWire(p.trim()).orElseThrow(() -> new MalformedRequestException("phase",
                        "must be one of awareness, interest, consideration, intent, purchase, retention, advocacy")));
        Optional<String> moduleId = Optional.ofNullable(module).map(String::trim).filter(m -> !m.isEmpty());
        moduleId.filter(m -> !KpiDefinition.DEPARTMENT.matcher(m).matches()).ifPresent(m -> {
            throw new MalformedRequestException("module", "must be a module id such as support or core");
        });
        Optional<String> segmentKey = Optional.ofNullable(segment).map(String::trim).filter(s -> !s.isEmpty());
        return new KpiEngine.Filters(journeyPhase, moduleId, segmentKey);
    }
}
