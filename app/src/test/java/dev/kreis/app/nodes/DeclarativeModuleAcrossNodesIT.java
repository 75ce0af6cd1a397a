package dev.kreis.app.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A declarative module uploaded on node-a is served on node-b: every node reads which declarative modules are stored
 * every {@code kreis.modules.state-refresh} (2 s), so node-b knows the module, installs it, accepts its touchpoint type
 * and lists its KPI without a restart; a higher version uploaded on node-a (an upgrade there) brings its new type to
 * node-b the same way. The other node is awaited.
 */
class DeclarativeModuleAcrossNodesIT {
    private static Cluster cluster;

    @BeforeAll
    static void up() throws Exception {
        cluster = Cluster.up();
    }

    @Test
    void aDeclarativeModuleUploadedOnOneNodeIsServedOnTheOtherWithoutARestart() throws Exception {
        String id = "dm-" + Cluster.unique();
        String kpi = id.replace('-', '_') + ".seen_count";
        String source = "declarative-" + Cluster.unique();
        Api onA = cluster.on(cluster.a);
        Api onB = cluster.on(cluster.b);
        AtomicInteger sent = new AtomicInteger();

        Api.Answer uploaded = onA.post("/api/v1/modules", descriptor(id, "1.0.0", List.of(id + ".seen"), kpi));
        assertEquals(201, uploaded.status(), uploaded.body());
        AtomicReference<Api.Answer> onOther = new AtomicReference<>();
        cluster.await(() -> {
            onOther.set(onB.get("/api/v1/modules/" + id));
            return onOther.get().status() != 404;
        }, "node-b knows " + id + ", uploaded on node-a");
        assertEquals(200, onOther.get().status(), onOther.get().body());
        assertEquals("declarative", onOther.get().json().path("origin").asText());
        assertEquals("1.0.0", onOther.get().json().path("version").asText());

        Api.Answer installed = onB.post("/api/v1/modules/" + id + "/install");
        assertEquals(200, installed.status(), installed.body());
        Api.Answer accepted = onB.post("/api/v1/touchpoints", seen(source, id + ".seen", "b-" + sent.incrementAndGet()));
        assertEquals(201, accepted.status(), accepted.body());
        assertTrue(onB.get("/api/v1/kpis").body().contains("\"" + kpi + "\""), "node-b lists the module's KPI");
        cluster.await(() -> {
            onOther.set(onA.post("/api/v1/touchpoints", seen(source, id + ".seen", "a-" + sent.incrementAndGet())));
            return onOther.get().status() != 422;
        }, "node-a accepts " + id + ".seen after node-b installed " + id);
        assertEquals(201, onOther.get().status(), onOther.get().body());

        Api.Answer upgraded = onA.post("/api/v1/modules", descriptor(id, "1.1.0", List.of(id + ".seen", id + ".seen_again"), kpi));
        assertEquals(201, upgraded.status(), upgraded.body());
        cluster.await(() -> {
            onOther.set(onB.post("/api/v1/touchpoints", seen(source, id + ".seen_again", "again-" + sent.incrementAndGet())));
            return onOther.get().status() != 422;
        }, "node-b accepts " + id + ".seen_again, new in the version node-a took");
        assertEquals(201, onOther.get().status(), onOther.get().body());
        assertEquals("1.1.0", onB.get("/api/v1/modules/" + id).json().path("installedVersion").asText());

        Api.Answer purged = onB.delete("/api/v1/modules/" + id + "?data=purge");
        assertEquals(200, purged.status(), purged.body());
    }

    private static Map<String, Object> descriptor(String id, String version, List<String> types, String kpi) {
        return Map.of("id", id, "name", "Declarative " + id, "version", version, "coreVersions", ">=0.1.0", "department", "marketing",
                "touchpointTypes", types.stream().map(type -> Map.of("key", type, "phase", "awareness")).toList(),
                "kpis", List.of(Map.of("key", kpi, "name", "Seen", "aggregation", "count", "types", List.of(types.get(0)))));
    }

    private static Map<String, Object> seen(String source, String type, String externalId) {
        String occurredAt = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).truncatedTo(ChronoUnit.SECONDS).toString();
        return Api.touchpoint(source, externalId, type, occurredAt, "seen-" + source + "@nodes.example");
    }
}
