package dev.kreis.platform.identity.api;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.Problem.FieldError;
import dev.kreis.platform.api.Times;
import dev.kreis.platform.identity.Identifier;
import dev.kreis.platform.identity.IdentifierNormaliser;
import dev.kreis.platform.identity.InvalidIdentifierException;
import dev.kreis.platform.identity.ProfileSubmission;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Validates a profile request and normalises it into a {@link ProfileSubmission}, collecting every
 * invalid field at once. Limits: 200 attributes of at most 4,000 characters of JSON each, 50
 * identifiers.
 */
@ApplicationScoped
public class ProfileRequests {
    public static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,99}");
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");
    private static final int MAX_ATTRIBUTES = 200;
    private static final int MAX_ATTRIBUTE_CHARS = 4000;
    private static final int MAX_IDENTIFIERS = 50;
    private static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

    private final IdentifierNormaliser normaliser;
    private final Clock clock;
    private final jakarta.enterprise.inject.Instance<dev.kreis.platform.module.ModuleRegistry> modules;

    ProfileRequests(IdentifierNormaliser normaliser, Clock clock, jakarta.enterprise.inject.Instance<dev.kreis.platform.module.ModuleRegistry> modules) {
        this.modules = modules;
        this.normaliser = normaliser;
        this.clock = clock;
    }

    public ProfileSubmission validate(ProfileRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        String source = source("source", request.source(), errors);
        String externalId = request.externalId() == null ? null : request.externalId().trim();
        if (externalId == null || externalId.isEmpty()) {
            errors.add(new FieldError("externalId", "is required"));
        } else if (externalId.length() > 255) {
            errors.add(new FieldError("externalId", "must be at most 255 characters"));
        }
        String kind = request.kind() == null ? "person" : request.kind();
        if (!kind.equals("person") && !kind.equals("organisation")) {
            errors.add(new FieldError("kind", "must be person or organisation"));
        }
        Map<String, JsonNode> attributes = attributes(request, errors);
        Set<Identifier> identifiers = identifiers("identifiers", request.identifiers(), normaliser, errors);
        Optional<OffsetDateTime> observedAt = time("observedAt", request.observedAt(), errors);
        Optional<UUID> organisationId = Optional.empty();
        if (request.organisationId() != null) {
            if (!kind.equals("person")) {
                errors.add(new FieldError("organisationId", "only a person can belong to an organisation"));
            }
            organisationId = uuid("organisationId", request.organisationId(), errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ProfileSubmission(source, externalId, kind, attributes, identifiers, request.identifiers() != null,
                observedAt, organisationId);
    }

    /** Validates and lower-cases a source name such as {@code hubspot} or {@code web-form}. */
    public static String source(String field, String value, List<FieldError> errors) {
        String source = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (source.isEmpty()) {
            errors.add(new FieldError(field, "is required"));
        } else if (!SOURCE.matcher(source).matches()) {
            errors.add(new FieldError(field, "must be 1-100 letters, digits, '.', '_' or '-'"));
        }
        return source;
    }

    /** Normalises a list of identifiers, adding an error per invalid one under {@code field[i]}. */
    public static Set<Identifier> identifiers(String field, List<IdentifierRequest> requests, IdentifierNormaliser normaliser,
            List<FieldError> errors) {
        Set<Identifier> identifiers = new LinkedHashSet<>();
        if (requests == null) {
            return identifiers;
        }
        if (requests.size() > MAX_IDENTIFIERS) {
            errors.add(new FieldError(field, "must hold at most " + MAX_IDENTIFIERS + " identifiers"));
            return identifiers;
        }
        for (int i = 0; i < requests.size(); i++) {
            IdentifierRequest identifier = requests.get(i);
            String path = field + "[" + i + "]";
            if (identifier == null) {
                errors.add(new FieldError(path, "must be an identifier object"));
                continue;
            }
            try {
                identifiers.add(normaliser.normalise(identifier.type(), identifier.system(), identifier.value()));
            } catch (InvalidIdentifierException e) {
                errors.add(new FieldError(path + "." + e.field(), e.getMessage()));
            }
        }
        return identifiers;
    }

    /** What is wrong with a value of a module's custom attribute (module not enabled, wrong type), or null. */
    private String moduleAttributeProblem(String key, JsonNode value) {
        var declared = modules.get().attribute(key);
        if (declared.isEmpty() || value.isNull()) {
            return null;
        }
        String module = declared.get().getKey();
        if (modules.get().state(module) != dev.kreis.spi.module.ModuleState.ENABLED) {
            return "is an attribute of module '" + module + "', which is not installed and enabled";
        }
        return switch (declared.get().getValue().type()) {
            case STRING -> value.isTextual() ? null : "must be a string (custom attribute of module " + module + ")";
            case NUMBER -> value.isNumber() ? null : "must be a number (custom attribute of module " + module + ")";
            case BOOLEAN -> value.isBoolean() ? null : "must be true or false (custom attribute of module " + module + ")";
            case DATE -> value.isTextual() && isDate(value.asText()) ? null
                    : "must be a date such as 2025-01-31 (custom attribute of module " + module + ")";
        };
    }

    private static boolean isDate(String text) {
        try {
            Times.localDate(text);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private Map<String, JsonNode> attributes(ProfileRequest request, List<FieldError> errors) {
        Map<String, JsonNode> attributes = new LinkedHashMap<>();
        if (request.attributes() == null) {
            return attributes;
        }
        if (request.attributes().size() > MAX_ATTRIBUTES) {
            errors.add(new FieldError("attributes", "must hold at most " + MAX_ATTRIBUTES + " attributes"));
            return attributes;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = request.attributes().fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = "attributes." + entry.getKey();
            if (!ATTRIBUTE.matcher(entry.getKey()).matches()) {
                errors.add(new FieldError(path, "attribute names are 1-100 letters, digits, '.', '_' or '-', starting with a letter"));
            } else if (entry.getValue().toString().length() > MAX_ATTRIBUTE_CHARS) {
                errors.add(new FieldError(path, "must be at most " + MAX_ATTRIBUTE_CHARS + " characters of JSON"));
            } else if (entry.getKey().indexOf('.') > 0 && moduleAttributeProblem(entry.getKey(), entry.getValue()) != null) {
                errors.add(new FieldError(path, moduleAttributeProblem(entry.getKey(), entry.getValue())));
            } else {
                attributes.put(entry.getKey(), entry.getValue());
            }
        }
        return attributes;
    }

    private Optional<OffsetDateTime> time(String field, String value, List<FieldError> errors) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            OffsetDateTime time = Times.offsetDateTime(value);
            if (time.isAfter(OffsetDateTime.now(clock).plus(FUTURE_TOLERANCE))) {
                errors.add(new FieldError(field, "lies in the future"));
            }
            return Optional.of(time);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 timestamp such as 2025-01-31T10:15:00Z"));
            return Optional.empty();
        }
    }

    private static Optional<UUID> uuid(String field, String value, List<FieldError> errors) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be a UUID"));
            return Optional.empty();
        }
    }
}
