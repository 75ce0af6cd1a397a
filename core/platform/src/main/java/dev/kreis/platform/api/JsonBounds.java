package dev.kreis.platform.api;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Map;
import java.util.function.ToIntFunction;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

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
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNumberLength(MAX_NUMBER_LENGTH).build());
        SimpleModule bounds = new SimpleModule("kreis-json-bounds");
        bounds.addDeserializer(JsonNode.class, new BoundedTree());
        bounds.addDeserializer(BigDecimal.class, new BoundedDecimal());
        bounds.addDeserializer(OffsetDateTime.class, new BoundedTime<>(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME,
                OffsetDateTime::getYear));
        bounds.addDeserializer(Instant.class, new BoundedTime<>(Instant.class, InstantDeserializer.INSTANT,
                JsonBounds::yearOf));
        bounds.addDeserializer(LocalDate.class, new BoundedTime<>(LocalDate.class, LocalDateDeserializer.INSTANCE, LocalDate::getYear));
        mapper.registerModule(bounds);
    }

    /** The UTC year of an instant, clamped to 0 or 10000 outside what an offset time can hold. */
    private static int yearOf(Instant instant) {
        if (instant.isBefore(FIRST)) {
            return 0;
        }
        return instant.isBefore(END) ? instant.atOffset(ZoneOffset.UTC).getYear() : 10000;
    }

    /**
     * 422: a number or time in the body is outside what any field can hold; its path names the field. A
     * {@link MismatchedInputException} so the JSON body reader hands it to the problem mappers unwrapped.
     */
    public static final class OutOfRange extends MismatchedInputException {
        private static final long serialVersionUID = 1L;

        OutOfRange(JsonParser parser, String message) {
            super(parser, message, (Class<?>) null);
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

    /** A time or day read by Jackson's own deserializer, refused unless its year lies in 1..9999. */
    private static final class BoundedTime<T> extends StdDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient JsonDeserializer<T> parser;
        private final transient ToIntFunction<T> year;

        BoundedTime(Class<T> type, JsonDeserializer<T> parser, ToIntFunction<T> year) {
            super(type);
            this.parser = parser;
            this.year = year;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            T value = this.parser.deserialize(parser, context);
            if (value != null) {
                int y = year.applyAsInt(value);
                if (y < 1 || y > 9999) {
                    throw new OutOfRange(parser, "must lie in the years 1 to 9999");
                }
            }
            return value;
        }
    }
}
