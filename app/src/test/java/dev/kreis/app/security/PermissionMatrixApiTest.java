package dev.kreis.app.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.kreis.app.Staff;
import dev.kreis.platform.security.Access;
import dev.kreis.platform.security.Capability;
import dev.kreis.platform.security.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Every role against every capability probe, on local accounts: allowed exactly where the matrix says. */
@QuarkusTest
class PermissionMatrixApiTest {

    @Test
    void everyRoleIsAllowedExactlyWhatTheMatrixGrants() {
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            for (MatrixProbes.Probe probe : MatrixProbes.all()) {
                boolean expected = probe.capability().allows(role, probe.access());
                Response response = probe.run(Staff.as(role.key()), given());
                int status = response.statusCode();
                boolean allowed = status != 401 && status != 403;
                if (allowed != expected || (!expected && status != 403)) {
                    wrong.add(role.key() + " → " + probe + ": " + status);
                }
            }
        }
        assertTrue(wrong.isEmpty(), "calls answered against the matrix:\n" + String.join("\n", wrong));
    }

    @Test
    void theProbesCoverEveryCapabilityAndAccessTheMatrixGrantsToSomeone() {
        Set<String> probed = MatrixProbes.all().stream().map(p -> p.capability().permission(p.access())).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        for (Capability capability : Capability.values()) {
            for (Access access : Access.values()) {
                if (!capability.roles(access).isEmpty() && !probed.contains(capability.permission(access))
                        && !notYetServed().contains(capability)) {
                    missing.add(capability.permission(access));
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void aCallerWithoutCredentialsGets401OnEveryProbe() {
        for (MatrixProbes.Probe probe : MatrixProbes.all()) {
            Response response = probe.run(given().auth().none(), given());
            assertEquals(401, response.statusCode(), probe.toString());
            assertEquals("application/problem+json", response.contentType().split(";")[0], probe.toString());
        }
    }

    /** Capabilities declared before their endpoints exist (they arrive with the KPI work). */
    private static Set<Capability> notYetServed() {
        return EnumSet.noneOf(Capability.class);
    }
}
