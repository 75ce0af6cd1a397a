package dev.kreis.platform.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.kreis.spi.kpi.KpiDefinition;

/** The core KPIs are the issue's list, and docs/kpis.md describes each one as the code defines it. */
class CoreKpiTest {

    @Test
    void theCoreKpisAreTheIssuesListPlusTheCompanionValuesOfCsatAndCes() {
        Set<String> keys = Arrays.stream(CoreKpi.values()).map(kpi -> kpi.definition().key()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("nps", "csat", "csat_mean", "ces", "ces_share_easy", "nrr", "grr", "churn_rate",
                "retention_rate", "clv", "repurchase_rate", "average_order_value", "proactive_share", "peak_end_score", "funnel")), keys);
        assertEquals(CoreKpi.values().length, keys.size(), "keys are unique");
    }

    @Test
    void everySharedCoreKpiNamesOwnersFromAtLeastTwoDepartments() {
        for (CoreKpi kpi : CoreKpi.values()) {
            KpiDefinition definition = kpi.definition();
            assertTrue(!definition.shared() || definition.ownerDepartments().size() >= 2, definition.key());
        }
    }

    @Test
    void theDocumentedTableIsTheDefinedList() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "..", "docs", "kpis.md"));
        String header = lines.stream().filter(line -> line.startsWith("| key | unit | direction |")).findFirst().orElseThrow();
        Map<String, String> documented = new LinkedHashMap<>();
        for (String line : lines.subList(lines.indexOf(header) + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            List<String> cells = cells(line);
            documented.put(cells.get(0).replace("`", ""), String.join(" / ", cells.subList(1, 5)));
        }
        Map<String, String> defined = new LinkedHashMap<>();
        for (CoreKpi kpi : CoreKpi.values()) {
            KpiDefinition definition = kpi.definition();
            defined.put(definition.key(), String.join(" / ", definition.unit().wire(), definition.direction().wire(),
                    String.join(", ", new TreeSet<>(definition.ownerDepartments())), definition.shared() ? "yes" : "no"));
        }
        assertEquals(defined, documented);
    }

    @Test
    void everyCoreKpiHasItsOwnSectionInTheDocs() throws IOException {
        List<String> headings = Files.readAllLines(Path.of("..", "..", "docs", "kpis.md")).stream()
                .filter(line -> line.startsWith("### ")).toList();
        for (CoreKpi kpi : CoreKpi.values()) {
            String key = "`" + kpi.definition().key() + "`";
            assertTrue(headings.stream().anyMatch(heading -> heading.contains(key)), "no section for " + key);
        }
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.substring(1, line.length() - 1).split("\\|")) {
            cells.add(cell.trim());
        }
        return cells;
    }
}
