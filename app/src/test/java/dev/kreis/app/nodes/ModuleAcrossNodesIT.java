package dev.kreis.app.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Module state across nodes: the bundled sales module installed on node-a is in force on node-b (its touchpoint type
 * accepted and its KPIs listed there), and uninstalled on node-b (keeping its data) it is refused on node-a. Each node
 * trusts its copy of the states for {@code kreis.modules.state-refresh} (2 s), so the other node is awaited.
 */
class ModuleAcrossNodesIT {
    private static final String MODULE = "sales";
    private static final String TYPE = "sales.lead_created";
    private static Cluster cluster;

    @BeforeAll
    static void up() throws Exception {
        cluster = Cluster.up();
    }

    @Test
    void aModuleInstalledOnOneNodeIsUsedOnTheOtherAndUninstalledThereIsRefusedHere() throws Exception {
        String source = "module-" + Cluster.unique();
        Api onA = cluster.on(cluster.a);
        Api onB = cluster.on(cluster.b);
        AtomicInteger sent = new AtomicInteger();
        if (!onA.get("/api/v1/modules/" + MODULE).json().path("state").asText().equals("available")) {
            assertEquals(200, onA.delete("/api/v1/modules/" + MODULE + "?data=keep").status(), "uninstalled first, whatever an earlier run left");
        }
        AtomicReference<Api.Answer> onOther = new AtomicReference<>();
        cluster.await(() -> {
            onOther.set(onB.post("/api/v1/touchpoints", lead(source, "before-" + sent.incrementAndGet())));
            return onOther.get().status() != 201;
        }, "node-b refuses " + TYPE + " while " + MODULE + " is not installed");
        assertEquals(422, onOther.get().status(), onOther.get().body());
        assertEquals("type", onOther.get().json().path("errors").get(0).path("field").asText());

        Api.Answer installed = onA.post("/api/v1/modules/" + MODULE + "/install");
        assertEquals(200, installed.status(), installed.body());
        cluster.await(() -> {
            onOther.set(onB.post("/api/v1/touchpoints", lead(source, "after-install")));
            return onOther.get().status() != 422;
        }, "node-b accepts " + TYPE + " after node-a installed " + MODULE);
        assertEquals(201, onOther.get().status(), onOther.get().body());
        assertEquals("enabled", onB.get("/api/v1/modules/" + MODULE).json().path("state").asText());
        assertTrue(onB.get("/api/v1/kpis").body().contains("\"sales.win_rate\""), "node-b lists the module's KPIs");

        Api.Answer uninstalled = onB.delete("/api/v1/modules/" + MODULE + "?data=keep");
        assertEquals(200, uninstalled.status(), uninstalled.body());
        // node-a learns of the uninstall within kreis.modules.state-refresh (2 s): what it accepts until then is stored,
        // what it refuses afterwards is not.
        AtomicReference<Api.Answer> afterUninstall = new AtomicReference<>();
        AtomicInteger acceptedMeanwhile = new AtomicInteger();
        cluster.await(() -> {
            afterUninstall.set(onA.post("/api/v1/touchpoints", lead(source, "after-uninstall-" + sent.incrementAndGet())));
            if (afterUninstall.get().status() == 201) {
                acceptedMeanwhile.incrementAndGet();
            }
            return afterUninstall.get().status() != 201;
        }, "node-a refuses " + TYPE + " after node-b uninstalled " + MODULE);
        assertEquals(422, afterUninstall.get().status(), afterUninstall.get().body());
        assertEquals(1 + acceptedMeanwhile.get(), cluster.count("select count(*) from touchpoint where source = ? and external_id like 'after-%'", source),
                "of the touchpoints sent after the install, exactly those accepted (201) are stored, the refused one is not");
    }

    private static java.util.Map<String, Object> lead(String source, String externalId) {
        String occurredAt = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).truncatedTo(ChronoUnit.SECONDS).toString();
        return Api.touchpoint(source, externalId, TYPE, occurredAt, "lead-" + source + "@nodes.example");
    }
}
