package dev.kreis.app.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The OpenAPI document as the contract test reads it: its operations, and a JSON-Schema validator (draft
 * 2020-12, the dialect of OpenAPI 3.1) for any schema in it, its component references resolved.
 */
final class ApiDocument {
    static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private final JsonNode root;
    private final JsonNode definitions;
    private final Map<String, JsonSchema> compiled = new LinkedHashMap<>();

    ApiDocument(String json) {
        try {
            this.root = JSON.readTree(json);
            String schemas = JSON.writeValueAsString(root.path("components").path("schemas"));
            this.definitions = JSON.readTree(schemas.replace("#/components/schemas/", "#/$defs/"));
        } catch (Exception e) {
            throw new IllegalStateException("The OpenAPI document is not JSON", e);
        }
    }

    /** Every operation as {@code "METHOD /path/template"}, in document order. */
    List<String> operations() {
        List<String> keys = new ArrayList<>();
        root.path("paths").fields().forEachRemaining(path -> METHODS.forEach(method -> {
            if (path.getValue().has(method)) {
                keys.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return keys;
    }

    JsonNode operation(String key) {
        int space = key.indexOf(' ');
        return root.path("paths").path(key.substring(space + 1)).path(key.substring(0, space).toLowerCase(Locale.ROOT));
    }

    /** The documented response for a status, or the {@code default} response. */
    Optional<JsonNode> response(String key, int status) {
        JsonNode responses = operation(key).path("responses");
        JsonNode response = responses.has(String.valueOf(status)) ? responses.get(String.valueOf(status)) : responses.get("default");
        return Optional.ofNullable(response);
    }

    /** The messages of validating {@code value} against {@code schema} (a schema node of this document). */
    List<String> validate(JsonNode schema, JsonNode value) {
        if (!schema.isObject()) {
            return List.of("no schema is documented");
        }
        JsonSchema validator = compiled.computeIfAbsent(schema.toString(), text -> {
            try {
                ObjectNode wrapped = (ObjectNode) JSON.readTree(text.replace("#/components/schemas/", "#/$defs/"));
                wrapped.set("$defs", definitions);
                return FACTORY.getSchema(wrapped, CONFIG);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Set<ValidationMessage> messages = validator.validate(value);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
