package dev.kreis.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CapabilityTest {

    @Test
    void adminHoldsEveryPermissionThatAnyoneHolds() {
        Set<String> everything = Capability.permissionsOf(EnumSet.allOf(Role.class));
        assertEquals(everything, Capability.permissionsOf(EnumSet.of(Role.ADMIN)));
    }

    @Test
    void theUnifiedRecordIsReadableByEveryStaffRole() {
        for (Role role : EnumSet.of(Role.ADMIN, Role.CX_MANAGER, Role.MARKETING, Role.SALES, Role.SUPPORT, Role.VIEWER)) {
            assertTrue(Capability.CUSTOMER_RECORD.allows(role, Access.READ), role.key());
        }
    }

    @Test
    void integrationWritesProfilesAndTouchpointsButAdministersNothing() {
        Set<String> integration = Capability.permissionsOf(EnumSet.of(Role.INTEGRATION));
        assertTrue(integration.contains("customer-record:write"));
        assertTrue(integration.contains("touchpoints:write"));
        for (String admin : Set.of("users:read", "users:write", "tokens:read", "tokens:write", "survivorship:write",
                "identity-resolution:write", "audit:read", "privacy:write")) {
            assertFalse(integration.contains(admin), admin);
        }
    }

    @Test
    void viewersOnlyRead() {
        assertTrue(Capability.permissionsOf(EnumSet.of(Role.VIEWER)).stream().allMatch(p -> p.endsWith(":read")));
    }

    @Test
    void permissionNamesAreCapabilityColonAccess() {
        assertEquals("customer-record:read", Capability.CUSTOMER_RECORD.permission(Access.READ));
        assertEquals(Capability.CUSTOMER_RECORD, Capability.of("customer-record").orElseThrow());
        assertTrue(Capability.of("nonsense").isEmpty());
    }
}
