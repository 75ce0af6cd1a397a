package dev.kreis.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        List<String> lines = Files.readAllLines(Path.of("..", "docs", "security.md"));
        String header = lines.stream().filter(l -> l.startsWith("| capability | endpoints |")).findFirst().orElseThrow();
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
        Map<String, String> enforced = new TreeMap<>();
        for (Capability capability : Capability.values()) {
            for (Role role : Role.values()) {
                String cell = (capability.allows(role, Access.READ) ? "R" : "") + (capability.allows(role, Access.WRITE) ? "W" : "");
                enforced.put(capability.key() + "/" + role.key(), cell.isEmpty() ? "–" : cell);
            }
        }
        assertEquals(enforced, documented);
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.substring(1, line.length() - 1).split("\\|")) {
            cells.add(cell.trim());
        }
        return cells;
    }
}
