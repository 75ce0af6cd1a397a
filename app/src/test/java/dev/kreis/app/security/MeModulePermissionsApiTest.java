package dev.kreis.app.security;

import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import dev.kreis.app.Staff;
import dev.kreis.app.modules.ModuleAdmin;
import io.quarkus.test.junit.QuarkusTest;

/** {@code /api/v1/me} names the permissions of enabled modules too, so the web UI shows their pages. */
@QuarkusTest
class MeModulePermissionsApiTest {

    @Test
    void anEnabledModulesPermissionsAreListedForTheRolesThatHoldThem() {
        ModuleAdmin.ensureEnabled("support");

        Staff.as("support").get("/api/v1/me").then().statusCode(200)
                .body("permissions", hasItems("support:read", "support:write", "customer-record:read"));
        Staff.as("viewer").get("/api/v1/me").then().statusCode(200)
                .body("permissions", hasItem("support:read")).body("permissions", not(hasItem("support:write")));
    }
}
