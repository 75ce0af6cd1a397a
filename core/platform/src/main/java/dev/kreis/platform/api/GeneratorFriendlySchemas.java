package dev.kreis.platform.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Writes the document's schemas the way client generators read them, without changing what they accept:
 * <ul>
 * <li>a reference to a scalar schema the annotations scanner names after its Java type ({@code UUID}, {@code Instant},
 * {@code LocalDate}, …: a string or number with a format or range) is replaced by that schema itself, so a field is
 * {@code {"type": "string", "format": "uuid"}} rather than a reference with sibling keywords, which openapi-generator
 * refuses;</li>
 * <li>a nullable scalar, which the scanner writes as {@code anyOf: [scalar, {"type": "null"}]}, becomes the scalar
 * with {@code null} among its types;</li>
 * <li>a reference keeps no {@code type} or {@code properties} of its own beside it (the referenced schema has them).</li>
 * </ul>
 * The scalar schemas themselves then leave the components, as nothing refers to them any more. Runs last in {@link ApiContractFilter#filterOpenAPI}.
 */
final class GeneratorFriendlySchemas {
    private static final String COMPONENTS = "#/components/schemas/";
    private static final Set<String> STRUCTURE = Set.of("properties", "items", "additionalProperties", "oneOf", "anyOf", "allOf", "not",
            "enum", "$ref");

    private final Map<String, Schema> scalars = new LinkedHashMap<>();

    private GeneratorFriendlySchemas() {
    }

    static void apply(OpenAPI openAPI) {
        GeneratorFriendlySchemas pass = new GeneratorFriendlySchemas();
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().forEach((name, schema) -> {
                if (isPlainScalar(schema)) {
                    pass.scalars.put(COMPONENTS + name, schema);
                }
            });
            openAPI.getComponents().getSchemas().values().forEach(pass::visit);
        }
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(parameter -> pass.visit(parameter.getSchema()));
                }
                if (operation.getRequestBody() != null) {
                    pass.visit(operation.getRequestBody().getContent());
                }
                if (operation.getResponses() != null) {
                    operation.getResponses().getAPIResponses().values().forEach(response -> {
                        pass.visit(response.getContent());
                        if (response.getHeaders() != null) {
                            response.getHeaders().values().forEach(header -> pass.visit(header.getSchema()));
                        }
                    });
                }
            }));
        }
        pass.scalars.keySet().forEach(ref -> openAPI.getComponents().removeSchema(ref.substring(COMPONENTS.length())));
    }

    /** A string, number, integer or boolean with nothing but keywords about its value (format, range, pattern, …). */
    private static boolean isPlainScalar(Schema schema) {
        List<Schema.SchemaType> types = schema.getType();
        if (types == null || types.isEmpty() || schema.getAll().keySet().stream().anyMatch(STRUCTURE::contains)) {
            return false;
        }
        return types.stream().allMatch(type -> type == Schema.SchemaType.STRING || type == Schema.SchemaType.NUMBER
                || type == Schema.SchemaType.INTEGER || type == Schema.SchemaType.BOOLEAN);
    }

    private void visit(Content content) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(mediaType -> visit(mediaType.getSchema()));
        }
    }

    private void visit(Schema schema) {
        if (schema == null) {
            return;
        }
        children(schema, this::visit);
        Schema scalar = schema.getRef() == null ? null : scalars.get(schema.getRef());
        if (scalar != null) {
            schema.setRef(null);
            scalar.getAll().forEach((key, value) -> {
                if (key.equals("type") || schema.get(key) == null) {
                    schema.set(key, value);
                }
            });
        }
        if (schema.getRef() != null) {
            schema.setType(null);
            schema.setProperties(null);
        }
        collapseNullable(schema, schema.getAnyOf(), schema::setAnyOf);
        collapseNullable(schema, schema.getOneOf(), schema::setOneOf);
    }

    /** {@code anyOf: [scalar, null]} → the scalar with null among its types. */
    private static void collapseNullable(Schema schema, List<Schema> alternatives, Consumer<List<Schema>> setter) {
        if (alternatives == null || alternatives.size() != 2) {
            return;
        }
        Schema value = null;
        boolean nullable = false;
        for (Schema alternative : alternatives) {
            if (List.of(Schema.SchemaType.NULL).equals(alternative.getType()) && alternative.getAll().size() == 1) {
                nullable = true;
            } else {
                value = alternative;
            }
        }
        if (!nullable || value == null || !isPlainScalar(value)) {
            return;
        }
        setter.accept(null);
        Schema scalar = value;
        scalar.getAll().forEach((key, v) -> {
            if (!key.equals("type") && schema.get(key) == null) {
                schema.set(key, v);
            }
        });
        List<Schema.SchemaType> types = new ArrayList<>(scalar.getType());
        types.add(Schema.SchemaType.NULL);
        schema.setType(types);
    }

    private static void children(Schema schema, Consumer<Schema> visitor) {
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(visitor);
        }
        if (schema.getItems() != null) {
            visitor.accept(schema.getItems());
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            visitor.accept(schema.getAdditionalPropertiesSchema());
        }
        for (List<Schema> alternatives : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (alternatives != null) {
                alternatives.forEach(visitor);
            }
        }
        if (schema.getNot() != null) {
            visitor.accept(schema.getNot());
        }
    }
}
