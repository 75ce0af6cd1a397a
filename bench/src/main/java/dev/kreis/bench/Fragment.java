package dev.kreis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The figures one step leaves in {@code <work-dir>/<step>.json} for {@link Results}. */
final class Fragment {
    private Fragment() {
    }

    static void write(Path dir, String step, Map<String, Object> figures) throws IOException {
        Files.createDirectories(dir);
        Http.JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(step + ".json").toFile(), figures);
        System.err.println("  " + step + ": " + Http.JSON.writeValueAsString(figures));
    }

    /** The step's figures, or an empty object when the step did not run. */
    static ObjectNode read(Path dir, String step) throws IOException {
        Path f = dir.resolve(step + ".json");
        if (!Files.exists(f)) {
            return Http.JSON.createObjectNode();
        }
        JsonNode n = Http.JSON.readTree(f.toFile());
        return n instanceof ObjectNode o ? o : Http.JSON.createObjectNode();
    }
}
