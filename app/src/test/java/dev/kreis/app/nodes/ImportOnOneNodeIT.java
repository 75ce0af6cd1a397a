package dev.kreis.app.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.kreis.app.PackagedNode;

/**
 * Imports across nodes: both nodes run an import worker that polls for queued imports every second, and an import
 * uploaded through the load balancer is worked on by exactly one of them from its first chunk to its last, through
 * the lease in the database. The suite's nodes import in chunks of 50 rows with a 0.2 s pause, so this import lasts
 * several of the other node's polls. The import file lies in the directory both nodes share
 * ({@code kreis.imports.directory}), so the node that took the upload need not be the one that works on it.
 */
class ImportOnOneNodeIT {
    private static final int ROWS = 800;
    private static Cluster cluster;

    @BeforeAll
    static void up() throws Exception {
        cluster = Cluster.up();
    }

    @Test
    void anImportIsWorkedOnByOneNodeFromStartToEndWhileTheOtherPollsToo() throws Exception {
        String source = "import-" + Cluster.unique();
        StringBuilder csv = new StringBuilder("Id,Email,Type,Date\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("row-").append(i).append(",person").append(i % 80).append('@').append(source).append(".example,core.interaction,")
                    .append(Instant.parse("2025-05-01T10:00:00Z").plusSeconds(60L * i)).append('\n');
        }
        Map<String, Object> spec = Map.of("kind", "touchpoints", "source", source, "columns", Map.of(
                "Id", Map.of("field", "externalId"), "Email", Map.of("identifier", "email"), "Type", Map.of("field", "type"),
                "Date", Map.of("field", "occurredAt")));

        Api.Answer upload = cluster.lb().upload("/api/v1/imports", spec, csv.toString(), "visits.csv");
        assertEquals(202, upload.status(), upload.body());
        String id = upload.json().path("id").asText();
        Set<String> holders = new LinkedHashSet<>();
        cluster.await(() -> {
            holders.addAll(cluster.strings("select lease_holder from bulk_import where id = cast(? as uuid) and lease_holder is not null", id));
            return cluster.count("select count(*) from bulk_import where id = cast(? as uuid) and status not in ('queued', 'running')", id) == 1;
        }, "import " + id + " ended");

        JsonNode view = cluster.lb().get("/api/v1/imports/" + id).json();
        assertEquals("succeeded", view.path("status").asText(), view.toString());
        assertEquals(ROWS, view.path("counts").path("read").asInt());
        assertEquals(ROWS, view.path("counts").path("created").asInt());
        assertEquals(ROWS, cluster.count("select count(*) from touchpoint where source = ?", source));
        assertEquals(ROWS, cluster.count("select count(distinct external_id) from touchpoint where source = ?", source));
        assertEquals(1, holders.size(), "one lease holder over the whole import: " + holders);
        String holder = holders.iterator().next();

        List<PackagedNode> worked = cluster.nodes().stream().filter(node -> node.log().contains("Working on import " + id)).toList();
        assertEquals(1, worked.size(), "exactly one node's log says it worked on " + id);
        PackagedNode worker = worked.get(0);
        assertTrue(worker.log().contains("Working on import " + id + " as " + holder), worker.name() + " held the lease " + holder);
        assertTrue(worker.log().contains("Import " + id + " ended as " + holder + ": succeeded"));
        for (PackagedNode other : cluster.nodes()) {
            if (other != worker) {
                assertFalse(other.log().contains(id), other.name() + " never worked on " + id);
            }
        }
        System.out.printf("Import %s: uploaded through %s, worked on by %s (%s)%n", id, upload.node(), worker.name(), holder);
    }
}
