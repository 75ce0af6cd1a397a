package dev.kreis.spi.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PurgeCountTest {

    @Test
    void aLowerCaseKindWithDashesAndACountOfZeroOrMoreIsAccepted() {
        assertEquals(0, new PurgeCount("ticket-events", 0).count());
        assertEquals("deals", new PurgeCount("deals", 12).kind());
    }

    @Test
    void aBlankUpperCaseOrSpacedKindIsRefused() {
        for (String kind : new String[] { null, "", "Tickets", "ticket events", "-deals", "x".repeat(65) }) {
            assertThrows(IllegalArgumentException.class, () -> new PurgeCount(kind, 1), String.valueOf(kind));
        }
    }

    @Test
    void aNegativeCountIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PurgeCount("deals", -1));
    }

    @Test
    void aModuleWithoutTablesReportsNothingByDefault() {
        KreisModule module = () -> null;
        assertEquals(java.util.List.of(), module.purgeCounts(null));
    }
}
