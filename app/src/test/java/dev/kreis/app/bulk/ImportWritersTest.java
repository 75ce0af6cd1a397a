package dev.kreis.app.bulk;

import static dev.kreis.app.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.kreis.app.Staff;
import dev.kreis.platform.bulk.ImportWriters;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Read-your-writes for imports (docs/postgresql.md "Read replica"): an import writes on its creator's behalf long
 * after {@code POST /api/v1/imports} answered, so every node reads from the database whose imports are queued, running
 * or ended within {@code kreis.db.read.primary-after-write}, and sends those callers' reads to the primary. The test
 * profile runs no import worker, so an import stays queued until it is cancelled.
 */
@QuarkusTest
class ImportWritersTest {
    private static final byte[] FILE = "Nr,Mail\nK-1,anna@example.com\n".getBytes(StandardCharsets.UTF_8);

    @Inject
    ImportWriters writers;

    private static String spec(boolean dryRun) {
        return "{\"kind\":\"profiles\",\"source\":\"writers-" + unique().toLowerCase(Locale.ROOT) + "\",\"dryRun\":" + dryRun
                + ",\"columns\":{\"Nr\":{\"field\":\"externalId\"},\"Mail\":{\"identifier\":\"email\"}}}";
    }

    @Test
    void theCreatorOfAQueuedImportWritesUntilTheWindowAfterItEndedHasPassed() {
        String creator = Staff.createUser(List.of("integration"));
        String id = Imports.upload(Staff.asUser(creator), spec(false), FILE, "writers.csv").then().statusCode(202).extract().jsonPath()
                .getString("id");
        assertTrue(writers.writingSince(OffsetDateTime.now().plusDays(1)).contains(creator), "queued: writing whatever the window");

        Staff.asUser(creator).delete("/api/v1/imports/" + id).then().statusCode(200);
        OffsetDateTime ended = OffsetDateTime.parse(Imports.view(java.util.UUID.fromString(id)).getString("finishedAt"));
        assertTrue(writers.writingSince(ended.minusSeconds(5)).contains(creator), "ended within the window");
        assertTrue(writers.writingSince(ended).contains(creator), "ended at the window's start");
        assertFalse(writers.writingSince(ended.plusNanos(1000)).contains(creator), "ended before the window");
    }

    @Test
    void aDryRunWritesNothingOnItsCreatorsBehalf() {
        String creator = Staff.createUser(List.of("integration"));
        String id = Imports.upload(Staff.asUser(creator), spec(true), FILE, "dry.csv").then().statusCode(202).extract().jsonPath()
                .getString("id");
        try {
            assertFalse(writers.writingSince(OffsetDateTime.now().minusDays(1)).contains(creator));
        } finally {
            Staff.asUser(creator).delete("/api/v1/imports/" + id).then().statusCode(200);
        }
    }
}
