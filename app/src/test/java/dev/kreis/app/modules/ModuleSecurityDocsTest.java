package dev.kreis.app.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kreis.app.keycloak.KeycloakRealmMatchesMatrixTest;
import dev.kreis.app.security.MatrixTable;
import dev.kreis.platform.security.Role;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** docs/security.md's table of the bundled modules' permissions says exactly what their descriptors grant. */
@QuarkusTest
class ModuleSecurityDocsTest {

    @Test
    void theDocumentedModuleMatrixIsWhatTheBundledModulesDeclare() throws IOException {
        Map<String, Set<String>> permissions = KeycloakRealmMatchesMatrixTest.bundledModulePermissions();
        Map<String, String> declared = new TreeMap<>();
        for (String module : permissions.keySet().stream().map(p -> p.substring(0, p.indexOf(':'))).distinct().toList()) {
            for (Role role : Role.values()) {
                declared.put(module + "/" + role.key(), MatrixTable.cell(permissions.getOrDefault(module + ":read", Set.of()).contains(role.key()),
                        permissions.getOrDefault(module + ":write", Set.of()).contains(role.key())));
            }
        }
        assertEquals(declared, MatrixTable.read("| module | endpoints |"));
    }
}
