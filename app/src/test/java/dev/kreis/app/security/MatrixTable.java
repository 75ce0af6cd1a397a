package dev.kreis.app.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A role matrix table of docs/security.md, read as {@code "<row>/<role>" → cell} ("R", "RW", "W" or "–"). */
public final class MatrixTable {

    private MatrixTable() {
    }

    /** The table whose header line starts with {@code header}, e.g. {@code "| capability | endpoints |"}. */
    public static Map<String, String> read(String header) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "docs", "security.md"));
        String headerLine = lines.stream().filter(l -> l.startsWith(header)).findFirst().orElseThrow();
        List<String> columns = cells(headerLine);
        Map<String, String> documented = new TreeMap<>();
        for (String line : lines.subList(lines.indexOf(headerLine) + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            List<String> cells = cells(line);
            for (int i = 2; i < cells.size(); i++) {
                documented.put(cells.get(0) + "/" + columns.get(i), cells.get(i));
            }
        }
        return documented;
    }

    /** The cell of a role that holds read and/or write access. */
    public static String cell(boolean read, boolean write) {
        String cell = (read ? "R" : "") + (write ? "W" : "");
        return cell.isEmpty() ? "–" : cell;
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.substring(1, line.length() - 1).split("\\|")) {
            cells.add(cell.trim());
        }
        return cells;
    }
}
