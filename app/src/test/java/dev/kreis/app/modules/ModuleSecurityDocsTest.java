package dev.kreis.app.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kreis.app.keycloak.KeycloakRealmMatchesMatrixTest;
import dev.kreis.platform.security.Role;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** docs/security.md's table of the bundled modules' permissions says exactly what their descriptors grant. */
@QuarkusTest
class ModuleSecurityDocsTest {

    @Test
    void theDocumentedModuleMatrixIsWhatTheBundledModulesDeclare() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "docs", "security.md"));
        String header = lines.stream().filter(l -> l.startsWith("| module | endpoints |")).findFirst().orElseThrow();
        List<String> columns = cells(header);
        Map<String, String> documented = new TreeMap<>();
        for (String line : lines.subList(lines.indexOf(header) + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            List<String> cells = cells(line);
            for (int i = 2; i < cells.size(); i++) {
                documented.put(cells.get(0) + "/" + columns.get(i), cells.get(i));
            }
        }
        Map<String, Set<String>> permissions = KeycloakRealmMatchesMatrixTest.bundledModulePermissions();
        Map<String, String> declared = new TreeMap<>();
        for (String module : permissions.keySet().stream().map(p -> p.substring(0, p.indexOf(':'))).distinct().toList()) {
            for (Role role : Role.values()) {
                String cell = (permissions.getOrDefault(module + ":read", Set.of()).contains(role.key()) ? "R" : "")
                        + (permissions.getOrDefault(module + ":write", Set.of()).contains(role.key()) ? "W" : "");
                declared.put(module + "/" + role.key(), cell.isEmpty() ? "–" : cell);
            }
        }
        assertEquals(declared, documented);
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.substring(1, line.length() - 1).split("\\|")) {
            cells.add(cell.trim());
        }
        return cells;
    }
}
