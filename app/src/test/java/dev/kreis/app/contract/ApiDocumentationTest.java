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
 * object an answer holds lists its required properties. Every example in the document (of a request or answer, and of
 * a component schema) is valid against its own schema, so an integrator can copy it.
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
        long complete = document.operations().stream().filter(operation -> gaps.stream().noneMatch(gap -> gap.startsWith(operation + ": ")))
                .count();
        System.out.println(complete + " of " + document.operations().size() + " operations are documented completely");
        assertTrue(gaps.isEmpty(), gaps.size() + " documentation gaps (document them):\n  " + String.join("\n  ", gaps));
    }

    @Test
    void everyExampleMatchesItsSchema() throws Exception {
        JsonNode root = JSON.readTree(given().auth().none().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        ApiDocument document = new ApiDocument(root.toString());
        Set<String> invalid = new TreeSet<>();
        root.path("components").path("schemas").fields().forEachRemaining(component -> {
            JsonNode ref = JSON.createObjectNode().put("$ref", "#/components/schemas/" + component.getKey());
            List<JsonNode> examples = new ArrayList<>();
            if (component.getValue().has("example")) {
                examples.add(component.getValue().get("example"));
            }
            component.getValue().path("examples").forEach(examples::add);
            examples.forEach(example -> document.validate(ref, example)
                    .forEach(message -> invalid.add("schema " + component.getKey() + ": " + message)));
        });
        for (String operation : document.operations()) {
            JsonNode node = document.operation(operation);
            node.path("requestBody").path("content").fields().forEachRemaining(media -> check(document, operation + " request body "
                    + media.getKey(), media.getValue(), invalid));
            node.path("responses").fields().forEachRemaining(response -> response.getValue().path("content").fields().forEachRemaining(
                    media -> check(document, operation + " response " + response.getKey() + " " + media.getKey(), media.getValue(), invalid)));
        }
        assertTrue(invalid.isEmpty(), invalid.size() + " examples do not match their schema:\n  " + String.join("\n  ", invalid));
    }

    private static void check(ApiDocument document, String where, JsonNode media, Set<String> invalid) {
        List<JsonNode> examples = new ArrayList<>();
        if (media.has("example")) {
            examples.add(media.get("example"));
        }
        media.path("examples").forEach(example -> {
            if (example.has("value")) {
                examples.add(example.get("value"));
            }
        });
        examples.forEach(example -> document.validate(media.path("schema"), example).forEach(message -> invalid.add(where + ": " + message)));
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
