package dev.kreis.spi.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CrmActivityTimeTest {

    @Test
    void readsHubSpotMillisSalesforceDatesAndIsoTimesWithOrWithoutAColonInTheOffset() {
        assertEquals(Optional.of(Instant.parse("2026-03-01T10:15:30Z")), CrmActivity.time("1772360130000"));
        assertEquals(Optional.of(Instant.parse("2026-03-01T00:00:00Z")), CrmActivity.time("2026-03-01"));
        assertEquals(Optional.of(Instant.parse("2026-03-01T09:15:30Z")), CrmActivity.time("2026-03-01T10:15:30.000+0100"));
        assertEquals(Optional.of(Instant.parse("2026-03-01T09:15:30Z")), CrmActivity.time("2026-03-01T10:15:30+01:00"));
        assertEquals(Optional.of(Instant.parse("2026-03-01T10:15:30Z")), CrmActivity.time("2026-03-01T10:15:30Z"));
    }

    @Test
    void aMissingBlankOrUnreadableTimeIsEmpty() {
        assertEquals(Optional.empty(), CrmActivity.time(null));
        assertEquals(Optional.empty(), CrmActivity.time("  "));
        assertEquals(Optional.empty(), CrmActivity.time("next tuesday"));
        assertEquals(Optional.empty(), CrmActivity.time("2026-13-01"));
        assertEquals(Optional.empty(), CrmActivity.time("99999999999999999999999"));
    }
}
