package dev.kreis.app.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The OpenAPI document explains itself to an integrator: every operation has an operationId and a description,
 * every parameter a description, a request body an example, every success answer with a body an example, and every
 * object an answer holds lists its required properties. Operations documented before this test existed and still
 * lacking some of it are listed in {@link DocumentationGaps}; the test fails on any gap not listed there (so every new
 * or changed operation is complete) and on a listed gap that was closed (so the list only shrinks).
 */
@QuarkusTest
class ApiDocumentationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyOperationIsDocumentedCompletely() throws Exception {
        JsonNode root = JSON.readTree(given().auth().none().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        ApiDocument document = new ApiDocument(root.toString());
        Set<String> gaps = new TreeSet<>();
        for (String operation : document.operations()) {
            gaps(root, operation, document.operation(operation)).forEach(gap -> gaps.add(operation + ": " + gap));
        }
        Set<String> fresh = new TreeSet<>(gaps);
        fresh.removeAll(DocumentationGaps.KNOWN);
        Set<String> closed = new TreeSet<>(DocumentationGaps.KNOWN);
        closed.removeAll(gaps);
        long complete = document.operations().stream().filter(operation -> gaps.stream().noneMatch(gap -> gap.startsWith(operation + ": ")))
                .count();
        System.out.println(complete + " of " + document.operations().size() + " operations are documented completely; " + gaps.size()
                + " known gaps remain");
        assertTrue(fresh.isEmpty(), "documentation gaps not listed in DocumentationGaps (document them):\n  " + String.join("\n  ", fresh));
        assertTrue(closed.isEmpty(), "gaps closed now: remove them from DocumentationGaps.KNOWN:\n  " + String.join("\n  ", closed));
    }

    private static List<String> gaps(JsonNode root, String key, JsonNode operation) {
        List<String> gaps = new ArrayList<>();
        if (operation.path("operationId").asText().isBlank()) {
            gaps.add("no operationId");
        }
        if (operation.path("description").asText().isBlank()) {
            gaps.add("no description");
        }
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("description").asText().isBlank()) {
                gaps.add("parameter " + parameter.path("name").asText() + " has no description");
            }
        }
        operation.path("requestBody").path("content").fields().forEachRemaining(media -> {
            if (!hasExample(root, media.getValue())) {
                gaps.add("request body " + media.getKey() + " has no example");
            }
        });
        operation.path("responses").fields().forEachRemaining(response -> {
            if (!response.getKey().startsWith("2")) {
                return;
            }
            response.getValue().path("content").fields().forEachRemaining(media -> {
                if (!hasExample(root, media.getValue())) {
                    gaps.add("response " + response.getKey() + " " + media.getKey() + " has no example");
                }
                Set<String> withoutRequired = new LinkedHashSet<>();
                objectsWithoutRequired(root, media.getValue().path("schema"), new HashSet<>(), withoutRequired);
                withoutRequired.forEach(object -> gaps.add("response " + response.getKey() + " object " + object + " lists no required properties"));
            });
        });
        return gaps;
    }

    private static boolean hasExample(JsonNode root, JsonNode media) {
        if (media.has("example") || media.path("examples").size() > 0) {
            return true;
        }
        JsonNode schema = resolve(root, media.path("schema"));
        return schema.has("example") || schema.path("examples").size() > 0 || "binary".equals(schema.path("format").asText());
    }

    private static JsonNode resolve(JsonNode root, JsonNode schema) {
        String ref = schema.path("$ref").asText();
        return ref.startsWith("#/components/schemas/") ? root.path("components").path("schemas").path(ref.substring(21)) : schema;
    }

    /** Objects with properties but no {@code required} list, reachable from {@code schema} through properties, items and alternatives. */
    private static void objectsWithoutRequired(JsonNode root, JsonNode schema, Set<String> seen, Set<String> found) {
        String ref = schema.path("$ref").asText();
        String name = ref.isEmpty() ? "(inline)" : ref.substring(ref.lastIndexOf('/') + 1);
        if (!ref.isEmpty() && !seen.add(ref)) {
            return;
        }
        JsonNode resolved = resolve(root, schema);
        if (resolved.path("properties").size() > 0 && resolved.path("required").size() == 0) {
            found.add(name);
        }
        resolved.path("properties").forEach(property -> objectsWithoutRequired(root, property, seen, found));
        if (resolved.has("items")) {
            objectsWithoutRequired(root, resolved.get("items"), seen, found);
        }
        for (String alternatives : List.of("oneOf", "anyOf", "allOf")) {
            resolved.path(alternatives).forEach(alternative -> objectsWithoutRequired(root, alternative, seen, found));
        }
    }
}
