package dev.kreis.platform.api;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Schemas of the few fields that are free JSON, for the OpenAPI document ({@code @Schema(implementation = ...)}).
 * They are never instantiated.
 */
public final class JsonSchemas {

    private JsonSchemas() {
    }

    /**
     * One attribute value: a string, a number or a boolean. Declared as the alternatives it is; the published document
     * describes it with no type and these kinds in its description ({@code ApiContractFilter#untypedScalar}), as generated
     * clients cannot tell scalar alternatives apart.
     */
    @Schema(name = "ScalarValue", description = "A scalar attribute value: a string, a number or a boolean",
            oneOf = { String.class, BigDecimal.class, Boolean.class }, examples = "\"Berlin\"")
    public static final class ScalarValue {
        private ScalarValue() {
        }
    }

    /** Attributes: names to scalar values. */
    @Schema(name = "ScalarAttributes", type = SchemaType.OBJECT, additionalProperties = ScalarValue.class,
            description = "A JSON object of attributes: each name maps to a string, a number or a boolean",
            examples = "{\"firstName\": \"Anna\", \"seats\": 3, \"vip\": true}")
    public static final class ScalarAttributes {
        private ScalarAttributes() {
        }
    }

    /** Free JSON, as an array. */
    @Schema(name = "JsonArray", type = SchemaType.ARRAY, description = "A free JSON array")
    public static final class JsonArray {
        private JsonArray() {
        }
    }

    /** Free JSON, as an object. */
    @Schema(name = "JsonObject", type = SchemaType.OBJECT, description = "A free JSON object",
            examples = "{\"page\": \"/pricing\", \"seconds\": 42}")
    public static final class JsonObject {
        private JsonObject() {
        }
    }
}
