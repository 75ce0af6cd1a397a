package dev.kreis.app.bulk;

import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.person;
import static dev.kreis.app.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.app.Fixtures.Created;
import dev.kreis.platform.bulk.ImportProcessing;
import dev.kreis.platform.storage.Jdbc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** Upserts, identity resolution, re-runs, a node stopping mid-import and dry runs. */
@QuarkusTest
class ImportResumeAndDryRunApiTest {

    @Inject
    ImportProcessing processing;

    @Inject
    Jdbc jdbc;

    private static String source(String name) {
        return name + "-" + unique().toLowerCase(Locale.ROOT);
    }

    private static String profileSpec(String source, boolean dryRun) {
        return "{\"kind\":\"profiles\",\"source\":\"" + source + "\",\"dryRun\":" + dryRun + ",\"columns\":{\"Nr\":{\"field\":\"externalId\"},"
                + "\"Mail\":{\"identifier\":\"email\"},\"Name\":{\"attribute\":\"segment\"}}}";
    }

    /** {@code rows} profiles; every tenth shares the e-mail of the row before it. */
    private static String profiles(int rows, String prefix) {
        StringBuilder csv = new StringBuilder("Nr,Mail,Name\n");
        String previous = null;
        for (int row = 1; row <= rows; row++) {
            String mail = row % 10 == 0 && previous != null ? previous : prefix + row + "@example.com";
            csv.append("P-").append(row).append(',').append(mail).append(",Name").append(row).append('\n');
            previous = mail;
        }
        return csv.toString();
    }

    private static List<Integer> counts(JsonPath view) {
        return List.of(view.getInt("counts.read"), view.getInt("counts.created"), view.getInt("counts.updated"),
                view.getInt("counts.unchanged"), view.getInt("counts.rejected"));
    }

    @Test
    void aKnownEmailNeverMakesASecondCustomerAndRowsWithoutExternalIdAreMatchedByIt() {
        String mail = email();
        Created known = person("crm").name("Anna", "Bekannt").email(mail).create();
        String source = source("legacy");
        String csv = "Mail,Name\n" + mail.toUpperCase(Locale.ROOT) + ",Bekannt-Neu\n";
        String spec = "{\"kind\":\"profiles\",\"source\":\"" + source + "\",\"columns\":{\"Mail\":{\"identifier\":\"email\"},"
                + "\"Name\":{\"attribute\":\"lastName\"}}}";

        JsonPath first = Imports.run(processing, spec, csv, StandardCharsets.UTF_8);
        JsonPath again = Imports.run(processing, spec, csv, StandardCharsets.UTF_8);

        assertEquals(List.of(1, 1, 0, 0, 0), counts(first));
        assertEquals(List.of(1, 0, 0, 1, 0), counts(again));
        assertEquals(known.customerId(), jdbc.queryOne("select customer_id from profile where source = ?", r -> Jdbc.uuid(r, "customer_id"),
                source).orElseThrow());
    }

    @Test
    void runningTheSameFileAgainCreatesNothingAndAChangedRowIsAnUpdate() {
        String source = source("rerun");
        String csv = profiles(30, source);
        JsonPath first = Imports.run(processing, profileSpec(source, false), csv, StandardCharsets.UTF_8);
        JsonPath again = Imports.run(processing, profileSpec(source, false), csv, StandardCharsets.UTF_8);
        JsonPath changed = Imports.run(processing, profileSpec(source, false), csv.replace(",Name7\n", ",Renamed\n"), StandardCharsets.UTF_8);

        assertEquals(List.of(30, 30, 0, 0, 0), counts(first));
        assertEquals(List.of(30, 0, 0, 30, 0), counts(again));
        assertEquals(List.of(30, 0, 1, 29, 0), counts(changed));
        assertEquals(30, Imports.count(jdbc, "select count(*) from profile where source = ?", source));
        assertEquals(27, Imports.count(jdbc, "select count(distinct customer_id) from profile where source = ?", source));
    }

    @Test
    void anImportWhoseNodeStoppedMidwayIsResumedByAnotherNodeWithNothingLostOrDoubled() {
        String source = source("crash");
        UUID id = Imports.start(profileSpec(source, false), profiles(2_500, source).getBytes(StandardCharsets.UTF_8));

        processing.workOnNext("node-that-stops", 2);
        JsonPath stopped = Imports.view(id);
        Imports.expireLease(jdbc, id);
        JsonPath done = Imports.workUntilEnded(processing, id);

        assertEquals("running", stopped.getString("status"));
        assertEquals(2_000, stopped.getInt("counts.read"));
        assertEquals("succeeded", done.getString("status"));
        assertEquals(List.of(2_500, 2_500, 0, 0, 0), counts(done));
        assertEquals(2_500, Imports.count(jdbc, "select count(*) from profile where source = ?", source));
        assertEquals(2_250, Imports.count(jdbc, "select count(distinct customer_id) from profile where source = ?", source));
    }

    @Test
    void aNodeCannotTakeAnImportWhileAnotherHoldsItsLease() {
        String source = source("lease");
        UUID id = Imports.start(profileSpec(source, false), profiles(1_500, source).getBytes(StandardCharsets.UTF_8));
        processing.workOnNext("node-a", 1);

        for (int i = 0; i < 5 && processing.workOnNext("node-b", Integer.MAX_VALUE).isPresent(); i++) {
            assertEquals("running", Imports.view(id).getString("status"));
        }

        assertEquals(1_000, Imports.view(id).getInt("counts.read"));
        Imports.expireLease(jdbc, id);
        assertEquals("succeeded", Imports.workUntilEnded(processing, id).getString("status"));
    }

    @Test
    void aDryRunPredictsExactlyWhatTheRealRunDoesAndWritesNothing() {
        String source = source("dry");
        Imports.run(processing, profileSpec(source, false), profiles(20, source), StandardCharsets.UTF_8);
        String csv = profiles(1_200, source).replace(",Name3\n", ",Changed\n").replace("P-5," + source + "5@example.com", "P-5,not-an-email");
        long profilesBefore = Imports.count(jdbc, "select count(*) from profile");
        long customersBefore = Imports.count(jdbc, "select count(*) from customer");

        JsonPath dry = Imports.run(processing, profileSpec(source, true), csv, StandardCharsets.UTF_8);

        assertEquals("succeeded", dry.getString("status"));
        assertEquals(profilesBefore, Imports.count(jdbc, "select count(*) from profile"));
        assertEquals(customersBefore, Imports.count(jdbc, "select count(*) from customer"));
        JsonPath real = Imports.run(processing, profileSpec(source, false), csv, StandardCharsets.UTF_8);
        assertEquals(counts(real), counts(dry));
        assertEquals(List.of(1_200, 1_180, 1, 18, 1), counts(real));
    }

    @Test
    void aDryRunOfTouchpointsPredictsDuplicatesAndRejectionsWithoutWriting() {
        String source = source("drytp");
        Created customer = person("crm").email(email()).create();
        String at = ",2026-01-01T10:00:00Z\n";
        String csv = "id,customer,type,at\n" + "A," + customer.customerId() + ",core.interaction" + at + "A," + customer.customerId()
                + ",core.interaction" + at + "B," + customer.customerId() + ",no.such_type" + at + "C," + UUID.randomUUID() + ",core.interaction" + at;
        String spec = "{\"kind\":\"touchpoints\",\"source\":\"" + source + "\",\"dryRun\":%s,\"columns\":{\"id\":{\"field\":\"externalId\"},"
                + "\"customer\":{\"field\":\"customerId\"},\"type\":{\"field\":\"type\"},\"at\":{\"field\":\"occurredAt\"}}}";

        JsonPath dry = Imports.run(processing, spec.formatted(true), csv, StandardCharsets.UTF_8);
        long written = Imports.count(jdbc, "select count(*) from touchpoint where source = ?", source);
        JsonPath real = Imports.run(processing, spec.formatted(false), csv, StandardCharsets.UTF_8);

        assertEquals(0, written);
        assertEquals(List.of(4, 1, 0, 1, 2), counts(dry));
        assertEquals(counts(real), counts(dry));
    }

    @Test
    void cancellingAnImportStopsItAndCancellingItAgainIsAConflict() {
        String source = source("cancel");
        UUID id = Imports.start(profileSpec(source, false), profiles(1_500, source).getBytes(StandardCharsets.UTF_8));
        processing.workOnNext("node-a", 1);

        io.restassured.RestAssured.given().delete("/api/v1/imports/" + id).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("cancelled"));
        Imports.expireLease(jdbc, id);
        processing.workOnNext("node-b", Integer.MAX_VALUE);

        assertEquals(1_000, Imports.count(jdbc, "select count(*) from profile where source = ?", source));
        io.restassured.RestAssured.given().delete("/api/v1/imports/" + id).then().statusCode(409);
        assertTrue(Imports.view(id).getString("finishedAt") != null);
    }
}
