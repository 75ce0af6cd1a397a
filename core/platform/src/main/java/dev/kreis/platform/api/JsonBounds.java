package dev.kreis.platform.api;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Bounds every number and time read from a JSON body before any code uses it, so no value can make the
 * server compute for long, allocate much, or fail with 500 in the database: a number's text is at most
 * {@value #MAX_NUMBER_LENGTH} characters; a decimal's exponent is at most ±{@value #MAX_EXPONENT}; a number
 * beyond the range of a double (e.g. {@code 1e400}) is refused rather than read as infinity; a time lies in
 * the years 1 to 9999 (what every time column holds). Each refusal is 422 naming the field
 * ({@link OutOfRange}); the fields' own limits (e.g. a deal's amount) apply after these.
 */
@Singleton
public class JsonBounds implements ObjectMapperCustomizer {
    static final int MAX_NUMBER_LENGTH = 100;
    static final int MAX_EXPONENT = 1000;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNumberLength(MAX_NUMBER_LENGTH).build());
        SimpleModule bounds = new SimpleModule("kreis-json-bounds");
        bounds.addDeserializer(JsonNode.class, new BoundedTree());
        bounds.addDeserializer(BigDecimal.class, new BoundedDecimal());
        bounds.addDeserializer(OffsetDateTime.class, new BoundedTime());
        mapper.registerModule(bounds);
    }

    /** 422: a number or time in the body is outside what any field can hold; its path names the field. */
    public static final class OutOfRange extends JsonMappingException {
        private static final long serialVersionUID = 1L;

        OutOfRange(JsonParser parser, String message) {
            super(parser, message);
        }

        /** The complaint without Jackson's location suffix. */
        public String complaint() {
            return getOriginalMessage();
        }
    }

    private static final class BoundedTree extends StdDeserializer<JsonNode> {
        private static final long serialVersionUID = 1L;

        BoundedTree() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = JsonNodeDeserializer.getDeserializer(JsonNode.class).deserialize(parser, context);
            check(tree, parser);
            return tree;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext context) {
            return NullNode.getInstance();
        }

        private static void check(JsonNode node, JsonParser parser) throws OutOfRange {
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    try {
                        check(field.getValue(), parser);
                    } catch (OutOfRange e) {
                        e.prependPath(node, field.getKey());
                        throw e;
                    }
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    try {
                        check(node.get(i), parser);
                    } catch (OutOfRange e) {
                        e.prependPath(node, i);
                        throw e;
                    }
                }
            } else if (node.isFloatingPointNumber() && !node.isBigDecimal() && !Double.isFinite(node.doubleValue())) {
                throw new OutOfRange(parser, "is out of range");
            } else if (node.isBigDecimal() && Math.abs((long) node.decimalValue().scale()) > MAX_EXPONENT) {
                throw new OutOfRange(parser, "is out of range");
            }
        }
    }

    private static final class BoundedDecimal extends StdDeserializer<BigDecimal> {
        private static final long serialVersionUID = 1L;

        BoundedDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(parser, context);
            if (value != null && Math.abs((long) value.scale()) > MAX_EXPONENT) {
                throw new OutOfRange(parser, "is out of range");
            }
            return value;
        }
    }

    private static final class BoundedTime extends StdDeserializer<OffsetDateTime> {
        private static final long serialVersionUID = 1L;
        private static final JsonDeserializer<OffsetDateTime> PARSER = InstantDeserializer.OFFSET_DATE_TIME;

        BoundedTime() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            OffsetDateTime value = PARSER.deserialize(parser, context);
            if (value != null) {
                int year = value.getYear();
                if (year < 1 || year > 9999) {
                    throw new OutOfRange(parser, "must lie in the years 1 to 9999");
                }
            }
            return value;
        }
    }
}
