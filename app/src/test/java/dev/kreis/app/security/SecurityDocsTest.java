package dev.kreis.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.kreis.platform.security.Access;
import dev.kreis.platform.security.Capability;
import dev.kreis.platform.security.Role;

/** docs/security.md's permission matrix says exactly what the code enforces. */
class SecurityDocsTest {

    @Test
    void theDocumentedMatrixIsTheEnforcedMatrix() throws IOException {
        Map<String, String> enforced = new TreeMap<>();
        for (Capability capability : Capability.values()) {
            for (Role role : Role.values()) {
                enforced.put(capability.key() + "/" + role.key(),
                        MatrixTable.cell(capability.allows(role, Access.READ), capability.allows(role, Access.WRITE)));
            }
        }
        assertEquals(enforced, MatrixTable.read("| capability | endpoints |"));
    }
}
