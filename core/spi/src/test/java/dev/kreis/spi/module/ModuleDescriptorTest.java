package dev.kreis.spi.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kreis.spi.kpi.Direction;
import dev.kreis.spi.kpi.KpiDefinition;
import dev.kreis.spi.kpi.KpiUnit;
import dev.kreis.spi.touchpoint.Channel;
import dev.kreis.spi.touchpoint.Initiator;
import dev.kreis.spi.touchpoint.JourneyPhase;
import dev.kreis.spi.touchpoint.TouchpointTypeDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

class ModuleDescriptorTest {

    @Test
    void aWellFormedDescriptorKeepsItsContributionsAndNamesItsMigrationLocation() {
        ModuleDescriptor descriptor = descriptor("events", "1.2.0", List.of(type("events.attended")), List.of(kpi("events.attendance")),
                List.of(new ModulePermission("events:read", Set.of("viewer"), "read")));
        assertEquals("db/kreis-modules/events", descriptor.migrationLocation());
        assertEquals(1, descriptor.touchpointTypes().size());
        assertEquals("events", descriptor.permissions().get(0).module());
    }

    @Test
    void malformedIdsAndVersionsAreRefusedNamingTheField() {
        assertTrue(refused(() -> descriptor("Events", "1.0.0", List.of(), List.of(), List.of())).startsWith("id:"));
        assertTrue(refused(() -> descriptor("events", "1.0", List.of(), List.of(), List.of())).startsWith("version:"));
        assertTrue(refused(() -> descriptor("events", "01.0.0", List.of(), List.of(), List.of())).startsWith("version:"));
    }

    @Test
    void contributionsMustCarryTheModulesPrefix() {
        assertTrue(refused(() -> descriptor("events", "1.0.0", List.of(type("other.attended")), List.of(), List.of()))
                .startsWith("touchpointTypes[0].key"));
        assertTrue(refused(() -> descriptor("events", "1.0.0", List.of(), List.of(kpi("nps_events")), List.of())).startsWith("kpis[0].key"));
        assertTrue(refused(() -> descriptor("events", "1.0.0", List.of(), List.of(),
                List.of(new ModulePermission("sales:read", Set.of("viewer"), "x")))).startsWith("permissions[0].name"));
    }

    @Test
    void duplicatesAreRefused() {
        assertTrue(refused(() -> descriptor("events", "1.0.0", List.of(type("events.a"), type("events.a")), List.of(), List.of()))
                .contains("appears twice"));
    }

    @Test
    void permissionsNameKnownRolesOnly() {
        assertThrows(IllegalArgumentException.class, () -> new ModulePermission("events:read", Set.of("boss"), "x"));
        assertThrows(IllegalArgumentException.class, () -> new ModulePermission("events:read", Set.of(), "x"));
        assertThrows(IllegalArgumentException.class, () -> new ModulePermission("Events", Set.of("admin"), "x"));
    }

    private static String refused(org.junit.jupiter.api.function.Executable build) {
        return assertThrows(IllegalArgumentException.class, build).getMessage();
    }

    private static ModuleDescriptor descriptor(String id, String version, List<TouchpointTypeDefinition> types, List<KpiDefinition> kpis,
            List<ModulePermission> permissions) {
        return new ModuleDescriptor(id, "Events", version, ">=0.1.0", "marketing", "", Optional.of("ev_"), types, kpis, permissions, List.of(),
                List.of());
    }

    private static TouchpointTypeDefinition type(String key) {
        return new TouchpointTypeDefinition(key, key.substring(0, key.indexOf('.')), Channel.EVENT, JourneyPhase.CONSIDERATION,
                Initiator.CUSTOMER, Optional.empty(), "");
    }

    private static KpiDefinition kpi(String key) {
        return new KpiDefinition(key, "K", KpiUnit.COUNT, Direction.HIGHER_IS_BETTER, Set.of("marketing"), false, "");
    }
}
