package dev.kreis.app.modules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kreis.app.Fixtures;
import dev.kreis.app.KpiData;
import dev.kreis.platform.module.ModuleRegistry;
import dev.kreis.platform.module.persistence.InstallationRow;
import dev.kreis.platform.module.persistence.ModuleRepository;
import dev.kreis.platform.storage.Jdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A declarative module uploaded on another node: its row in {@code module_installation} is written here directly
 * through the repository, as the other node's upload writes it, and this node learns of it at its next refresh of
 * the modules ({@code kreis.modules.state-refresh}) — registered, replaced by a new descriptor, or dropped when its row
 * is deleted — and serves it exactly as a module uploaded here. Tests call the refresh rather than wait for it, except
 * the one that shows the refresh runs on its own.
 */
@QuarkusTest
class DeclarativeModuleFromAnotherNodeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ModuleRepository repository;

    @Inject
    ModuleRegistry registry;

    @Inject
    Jdbc jdbc;

    @Test
    void aModuleUploadedOnAnotherNodeIsServedHereWithItsTypesKpisAndAttributes() throws IOException {
        String id = "xn-" + Fixtures.unique();
        String kpi = id.replace('-', '_');
        storeAsAnotherNode(id, events(id, kpi).toString());
        registry.refreshDeclarative();

        given().when().get("/api/v1/modules/" + id).then().statusCode(200).body("origin", equalTo("declarative"))
                .body("state", equalTo("available")).body("version", equalTo("1.0.0"))
                .body("touchpointTypes.key", hasItems(id + ".registered", id + ".attended"));
        given().when().get("/api/v1/modules").then().statusCode(200).body("items.id", hasItem(id));
        UUID anna = KpiData.customer();
        Fixtures.touchpointFor(anna).type(id + ".registered").post().then().statusCode(422)
                .body("errors[0].message", org.hamcrest.Matchers.containsString("module '" + id + "'"));

        ModuleAdmin.install(id);
        try {
            LocalDate window = KpiData.freshWindow();
            UUID ben = KpiData.customer();
            List<Map<String, Object>> items = new ArrayList<>();
            items.add(KpiData.touchpoint(anna, id + ".registered", KpiData.at(window, 10)));
            items.add(KpiData.touchpoint(ben, id + ".registered", KpiData.at(window, 20)));
            items.add(KpiData.touchpoint(anna, id + ".attended", KpiData.at(window.plusDays(1), 10)));
            KpiData.ingest(items);
            assertEquals(KpiData.four("50"), KpiData.value(kpi + ".attendance_rate", window, window.plusMonths(1)));
            assertEquals(0, new BigDecimal("2").compareTo(KpiData.value(kpi + ".registrations", window, window.plusMonths(1))));
            given().when().get("/api/v1/kpis").then().statusCode(200).body("key", hasItem(kpi + ".attendance_rate"));
            Fixtures.person("xn-test").email(Fixtures.email()).attribute(id + ".sessions_attended", 3).post().then().statusCode(201);
        } finally {
            ModuleAdmin.uninstall(id, "purge");
        }
    }

    @Test
    void aDescriptorReplacedOnAnotherNodeIsRegisteredAnewWithoutTheTypesItDropped() {
        String id = "xr-" + Fixtures.unique();
        given().contentType("application/json").body(minimal(id, "1.0.0", id + ".seen")).when().post("/api/v1/modules").then().statusCode(201);

        String v2 = JSON.valueToTree(minimal(id, "1.1.0", id + ".seen_v2")).toString();
        QuarkusTransaction.requiringNew().run(() -> {
            InstallationRow row = repository.lock(id).orElseThrow();
            repository.update(new InstallationRow(id, row.state(), row.installedVersion(), row.origin(), v2, row.config(), row.installedAt(),
                    OffsetDateTime.now(ZoneOffset.UTC), "admin-on-node-b"));
        });
        registry.refreshDeclarative();

        given().when().get("/api/v1/modules/" + id).then().statusCode(200).body("version", equalTo("1.1.0"))
                .body("touchpointTypes.key", equalTo(List.of(id + ".seen_v2")));
        ModuleAdmin.install(id);
        try {
            UUID customer = KpiData.customer();
            Fixtures.touchpointFor(customer).type(id + ".seen_v2").post().then().statusCode(201);
            Fixtures.touchpointFor(customer).type(id + ".seen").post().then().statusCode(422).body("errors[0].field", equalTo("type"));
            given().when().get("/api/v1/touchpoint-types").then().statusCode(200).body("key", not(hasItem(id + ".seen")));
        } finally {
            ModuleAdmin.uninstall(id, "purge");
        }
    }

    @Test
    void aModuleWhoseRowIsDeletedIsDroppedAtTheNextRefresh() {
        String id = "xd-" + Fixtures.unique();
        storeAsAnotherNode(id, JSON.valueToTree(minimal(id, "1.0.0", id + ".seen")).toString());
        registry.refreshDeclarative();
        given().when().get("/api/v1/modules/" + id).then().statusCode(200);

        QuarkusTransaction.requiringNew().run(() -> jdbc.update("delete from module_installation where module_id = ?", id));
        registry.refreshDeclarative();

        given().when().get("/api/v1/modules/" + id).then().statusCode(404);
        given().when().get("/api/v1/modules").then().statusCode(200).body("items.id", not(hasItem(id)));
        Fixtures.touchpointFor(KpiData.customer()).type(id + ".seen").post().then().statusCode(422).body("errors[0].field", equalTo("type"));
    }

    @Test
    void eachNodeReadsTheOtherNodesUploadsOnItsOwn() throws InterruptedException {
        String id = "xs-" + Fixtures.unique();
        storeAsAnotherNode(id, JSON.valueToTree(minimal(id, "1.0.0", id + ".seen")).toString());
        // kreis.modules.state-refresh is 2 s; the deadline only keeps a broken refresh from hanging the suite.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        int status;
        do {
            status = given().when().get("/api/v1/modules/" + id).then().extract().statusCode();
            if (status != 200) {
                Thread.sleep(200);
            }
        } while (status != 200 && System.nanoTime() < deadline);
        assertEquals(200, status, "the module stored by another node is registered without calling the refresh");
        assertTrue(registry.refreshDeclarative().isEmpty(), "a refresh after the registration finds nothing new");
    }

    /** Writes the row another node's {@code POST /api/v1/modules} writes for a new declarative module. */
    private void storeAsAnotherNode(String id, String descriptor) {
        QuarkusTransaction.requiringNew().run(() -> assertTrue(repository.insertIfAbsent(new InstallationRow(id, "available", null, "declarative",
                descriptor, "{}", null, OffsetDateTime.now(ZoneOffset.UTC), "admin-on-node-b"))));
    }

    private static Map<String, Object> minimal(String id, String version, String type) {
        return Map.of("id", id, "name", "Minimal " + id, "version", version, "coreVersions", ">=0.1.0", "department", "marketing",
                "touchpointTypes", List.of(Map.of("key", type, "phase", "awareness")));
    }

    /** docs/modules/events-webinars.json with the module's id and KPI prefix replaced. */
    private static ObjectNode events(String id, String kpiPrefix) throws IOException {
        String text = Files.readString(Path.of("..", "docs", "modules", "events-webinars.json")).replace("\"events.", "\"" + id + ".");
        ObjectNode descriptor = (ObjectNode) JSON.readTree(text);
        descriptor.withArray("kpis").forEach(k -> ((ObjectNode) k).put("key", k.get("key").asText().replace(id + ".", kpiPrefix + ".")));
        descriptor.put("id", id);
        return descriptor;
    }
}
