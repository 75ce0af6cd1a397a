package dev.kreis.platform.api;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.type.ReferenceType;

import dev.kreis.spi.api.JsonRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads the request records marked {@link JsonRequest} strictly, as the SPI promises: no unknown fields, no
 * coercion between strings, numbers and booleans, and every fault answered with a problem naming the field's
 * path ({@code items[2].amount}): 400 when the body is not a JSON object, 422 when a field is unknown or its
 * value has the wrong type or format. An {@link Optional} component is {@code null} when its field is absent and
 * empty when it is JSON {@code null} (PATCH bodies). Constraint violations are answered by {@link ProblemMappers}.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class JsonRequestReader implements MessageBodyReader<Object> {
    private final ObjectMapper strict;

    JsonRequestReader(ObjectMapper json) {
        this.strict = strict(json);
    }

    static ObjectMapper strict(ObjectMapper json) {
        ObjectMapper strict = json.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (LogicalType scalar : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            strict.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        strict.registerModule(new SimpleModule("kreis-strict-requests").addDeserializer(Instant.class, new OffsetTimestamp())
                .addDeserializer(LocalDate.class, new IsoDate())
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                            BeanDescription description, JsonDeserializer<?> deserializer) {
                        return new LowerCaseEnum(type.getRawClass());
                    }

                    @Override
                    public JsonDeserializer<?> modifyReferenceDeserializer(DeserializationConfig config, ReferenceType type,
                            BeanDescription description, JsonDeserializer<?> deserializer) {
                        return type.getRawClass() == Optional.class ? new AbsentOptional(deserializer) : deserializer;
                    }
                }));
        strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return strict;
    }

    /**
     * A timestamp as ISO-8601 text with an offset ({@code 2026-01-31T09:30Z}, {@code 2026-01-31T10:30:00+01:00}); seconds
     * are optional, as everywhere in Kreis. Numbers (epoch seconds) are refused.
     */
    private static final class OffsetTimestamp extends StdScalarDeserializer<Instant> {
        OffsetTimestamp() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            String text = parser.getText().strip();
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, "is not an ISO-8601 timestamp with offset");
            }
        }
    }

    /** A date as ISO-8601 text ({@code 2026-01-31}); numbers (epoch days) and arrays are refused. */
    private static final class IsoDate extends StdScalarDeserializer<LocalDate> {
        IsoDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getText().strip();
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "is not an ISO-8601 date");
            }
        }
    }

    /**
     * An {@link Optional} component of a request record tells a field that is absent ({@code null}: leave it as it is)
     * from one sent as JSON {@code null} ({@link Optional#empty()}: clear it), as a PATCH body needs.
     */
    private static final class AbsentOptional extends DelegatingDeserializer {
        AbsentOptional(JsonDeserializer<?> optional) {
            super(optional);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegatee) {
            return new AbsentOptional(delegatee);
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return null;
        }
    }

    /** Kreis enums travel as their lower-case names ({@code "email"}, {@code "high"}), and only so. */
    private static final class LowerCaseEnum extends StdScalarDeserializer<Object> {
        LowerCaseEnum(Class<?> type) {
            super(type);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            String text = parser.getText();
            for (Object constant : handledType().getEnumConstants()) {
                if (wire(constant).equals(text)) {
                    return constant;
                }
            }
            return context.handleWeirdStringValue(handledType(), text, "is not one of the accepted values");
        }
    }

    private static String wire(Object constant) {
        return ((Enum<?>) constant).name().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isAnnotationPresent(JsonRequest.class);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        byte[] body = entityStream.readAllBytes();
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        try {
            return strict.readerFor(type).readValue(body);
        } catch (JsonParseException e) {
            throw e;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? ""
                    : "; known: " + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
            throw new InvalidInputException(JsonPaths.of(e.getPath()), "is not a field of this request" + known);
        } catch (JsonMappingException e) {
            if (e.getPath().isEmpty()) {
                throw new MalformedRequestException("body", "must be a JSON object");
            }
            Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            throw new InvalidInputException(JsonPaths.of(e.getPath()), expected(target));
        }
    }

    /** What a value of {@code type} must look like, for people. */
    private String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type or format";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(JsonRequestReader::wire)
                    .collect(Collectors.joining(", "));
        }
        if (type == UUID.class) {
            return "must be an id (UUID)";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "must be an ISO-8601 timestamp with offset, such as 2026-01-31T09:30:00Z";
        }
        if (type == LocalDate.class) {
            return "must be an ISO-8601 date such as 2026-01-31";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == BigInteger.class) {
            return "must be a whole number";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class) {
            return "must be a number";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type.isRecord() || List.class.isAssignableFrom(type)) {
            return List.class.isAssignableFrom(type) ? "must be a JSON array" : "must be a JSON object";
        }
        return "has the wrong type or format";
    }
}
