package dev.kreis.app;

import static dev.kreis.app.KpiData.at;
import static dev.kreis.app.KpiData.customer;
import static dev.kreis.app.KpiData.four;
import static dev.kreis.app.KpiData.scored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.platform.kpi.RollupFolder;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The fold job, triggered synchronously: refolding is idempotent, so the job, reads and replays never count twice. */
@QuarkusTest
class KpiRollupFoldTest {
    @Inject
    RollupFolder folder;

    @Test
    void foldingAgainAndAgainNeverCountsATouchpointTwice() {
        LocalDate window = KpiData.freshWindow();
        UUID anna = customer();
        KpiData.ingest(List.of(scored(anna, "feedback.nps", 10, at(window, 1)), scored(anna, "feedback.nps", 0, at(window, 2)),
                scored(anna, "feedback.nps", 9, at(window.plusDays(1), 2))));

        folder.foldWithOverlap();
        folder.foldWithOverlap();
        assertTrue(folder.catchUp());
        assertEquals(four("33.3333"), KpiData.value("nps", window, window.plusMonths(1)));
        assertEquals(3, KpiData.kpi("nps", window, window.plusMonths(1)).getInt("sampleSize"));

        assertTrue(folder.foldAfter(OffsetDateTime.parse("1970-01-01T00:00:00Z")) >= 2, "a full refold from the beginning");
        assertEquals(3, KpiData.kpi("nps", window, window.plusMonths(1)).getInt("sampleSize"));
    }

    @Test
    void theJobFoldsWhatArrivedSoAReadFindsNothingLeftToDo() {
        LocalDate window = KpiData.freshWindow();
        KpiData.ingest(List.of(scored(customer(), "feedback.csat", 5, at(window, 1))));

        assertTrue(folder.foldWithOverlap() >= 1, "the new touchpoint's day is refolded");
        assertEquals(0, folder.foldAfter(OffsetDateTime.now().plusMinutes(1)), "nothing arrived after now");
        assertEquals(four("100"), KpiData.value("csat", window, window.plusDays(1)));
    }
}
