package dev.kreis.platform.touchpoint;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.Problem.FieldError;
import dev.kreis.platform.api.Times;
import dev.kreis.platform.identity.Identifier;
import dev.kreis.platform.identity.IdentifierNormaliser;
import dev.kreis.platform.identity.api.IdentifierRequest;
import dev.kreis.platform.identity.api.ProfileRequests;
import dev.kreis.spi.touchpoint.Channel;
import dev.kreis.spi.touchpoint.Initiator;
import dev.kreis.spi.touchpoint.JourneyPhase;
import dev.kreis.spi.touchpoint.ScoreScale;
import dev.kreis.spi.touchpoint.TouchpointTypeDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads one touchpoint from JSON and validates it against its registered type, naming every
 * invalid field. Items are read as JSON trees so that one malformed item in a batch is rejected on
 * its own instead of failing the whole request.
 */
@ApplicationScoped
public class TouchpointDrafts {
    private static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000000");

    private final TouchpointTypeRegistry types;
    private final IdentifierNormaliser normaliser;
    private final TouchpointConfig config;
    private final Clock clock;
    private final dev.kreis.platform.module.ModuleStates modules;

    TouchpointDrafts(TouchpointTypeRegistry types, IdentifierNormaliser normaliser, TouchpointConfig config, Clock clock,
            dev.kreis.platform.module.ModuleStates modules) {
        this.modules = modules;
        this.types = types;
        this.normaliser = normaliser;
        this.config = config;
        this.clock = clock;
    }

    /** Whether {@link #read} needs no database now: the modules' states it checks are held in memory and not due. */
    public boolean readsWithoutDatabase() {
        return modules.versionIfFresh().isPresent();
    }

    /** The draft, or an {@link InvalidInputException} listing every invalid field. */
    public TouchpointDraft read(JsonNode item) {
        List<FieldError> errors = new ArrayList<>();
        if (item == null || !item.isObject()) {
            throw new InvalidInputException("body", "must be a touchpoint object");
        }
        String source = ProfileRequests.source("source", text(item, "source", errors), errors);
        String externalId = text(item, "externalId", errors);
        if (externalId == null || externalId.isBlank()) {
            errors.add(new FieldError("externalId", "is required"));
        } else if (externalId.length() > 255) {
            errors.add(new FieldError("externalId", "must be at most 255 characters"));
        }
        UUID customerId = null;
        Set<Identifier> identifiers = Set.of();
        boolean byId = item.hasNonNull("customerId");
        boolean byIdentifiers = item.hasNonNull("customer");
        if (byId == byIdentifiers) {
            errors.add(new FieldError("customerId", "name the customer by exactly one of customerId or customer.identifiers"));
        } else if (byId) {
            customerId = uuid(item, "customerId", errors);
        } else {
            identifiers = identifiers(item.get("customer"), errors);
        }
        String typeKey = text(item, "type", errors);
        TouchpointTypeDefinition type = null;
        if (typeKey == null) {
            errors.add(new FieldError("type", "is required"));
        } else {
            type = types.find(typeKey).orElse(null);
            if (type == null) {
                errors.add(new FieldError("type", "unknown touchpoint type '" + typeKey + "'"));
            } else if (!modules.permits(type.owner())) {
                errors.add(new FieldError("type", "touchpoint type '" + typeKey + "' belongs to module '" + type.owner()
                        + "', which is not installed and enabled"));
                type = null;
            }
        }
        Channel channel = wire(item, "channel", Channel::fromWire, "web, email, phone, chat, store, social, app, sms, event, other", errors)
                .orElse(type == null ? null : type.defaultChannel());
        JourneyPhase phase = wire(item, "phase", JourneyPhase::fromWire,
                "awareness, interest, consideration, intent, purchase, retention, advocacy", errors)
                .orElse(type == null ? null : type.phase());
        Initiator initiator = wire(item, "initiator", Initiator::fromWire, "customer, company", errors)
                .orElse(type == null ? null : type.initiator());
        OffsetDateTime occurredAt = occurredAt(item, errors);
        BigDecimal score = number(item, "score", errors);
        if (type != null) {
            checkScore(type, score, item.has("score") && !item.get("score").isNull(), errors);
        }
        BigDecimal amount = number(item, "amount", errors);
        if (type != null && RevenueTypes.isRevenue(type.key()) && amount == null && RevenueTypes.CANCELLED.equals(type.key())) {
            amount = BigDecimal.ZERO;
        }
        String currency = amount != null && !item.hasNonNull("currency") && type != null && RevenueTypes.isRevenue(type.key())
                ? installationCurrency() : currency(item, amount, errors);
        if (type != null) {
            RevenueTypes.check(type.key(), amount, errors);
        }
        String payload = payload(item, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new TouchpointDraft(source, externalId, customerId, identifiers, type, channel, phase, initiator, occurredAt,
                score, amount, currency, payload);
    }

    private Set<Identifier> identifiers(JsonNode customer, List<FieldError> errors) {
        JsonNode list = customer.get("identifiers");
        if (!customer.isObject() || list == null || !list.isArray() || list.isEmpty()) {
            errors.add(new FieldError("customer.identifiers", "must be a non-empty array of identifiers"));
            return Set.of();
        }
        List<IdentifierRequest> requests = new ArrayList<>();
        for (JsonNode node : list) {
            requests.add(node.isObject() ? new IdentifierRequest(node.path("type").asText(null), node.path("value").asText(null),
                    node.path("system").asText(null)) : null);
        }
        return ProfileRequests.identifiers("customer.identifiers", requests, normaliser, errors);
    }

    private OffsetDateTime occurredAt(JsonNode item, List<FieldError> errors) {
        String value = text(item, "occurredAt", errors);
        if (value == null) {
            errors.add(new FieldError("occurredAt", "is required"));
            return null;
        }
        try {
            OffsetDateTime time = Times.offsetDateTime(value);
            if (time.isAfter(OffsetDateTime.now(clock).plus(FUTURE_TOLERANCE))) {
                errors.add(new FieldError("occurredAt", "lies in the future"));
            }
            return time;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("occurredAt", "must be an ISO-8601 timestamp such as 2025-01-31T10:15:00Z"));
            return null;
        }
    }

    private static void checkScore(TouchpointTypeDefinition type, BigDecimal score, boolean given, List<FieldError> errors) {
        Optional<ScoreScale> scale = type.scoreScale();
        if (scale.isEmpty()) {
            if (given) {
                errors.add(new FieldError("score", "touchpoint type " + type.key() + " carries no score"));
            }
            return;
        }
        if (score == null) {
            if (!given) {
                errors.add(new FieldError("score", "is required for " + type.key()));
            }
            return;
        }
        if (!scale.get().accepts(score)) {
            errors.add(new FieldError("score", "must be " + (scale.get().integral() ? "a whole number " : "")
                    + "from " + scale.get().min() + " to " + scale.get().max() + " for " + type.key()));
        }
    }

    private String installationCurrency() {
        return config.currency().trim().toUpperCase(Locale.ROOT);
    }

    private String currency(JsonNode item, BigDecimal amount, List<FieldError> errors) {
        String currency = text(item, "currency", errors);
        if (currency == null) {
            if (amount != null) {
                errors.add(new FieldError("currency", "is required with an amount"));
            }
            return null;
        }
        String code = currency.trim().toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(code);
            if (!code.equals(installationCurrency())) {
                errors.add(new FieldError("currency", "must be " + installationCurrency()
                        + ", the one currency of this installation (kreis.touchpoints.currency)"));
            }
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("currency", "must be an ISO 4217 code such as EUR"));
        }
        if (amount == null) {
            errors.add(new FieldError("amount", "is required with a currency"));
        } else if (amount.abs().compareTo(MAX_AMOUNT) >= 0 || amount.stripTrailingZeros().scale() > 4) {
            errors.add(new FieldError("amount", "must be below 10^15 with at most 4 decimal places"));
        }
        return code;
    }

    private String payload(JsonNode item, List<FieldError> errors) {
        JsonNode payload = item.get("payload");
        if (payload == null || payload.isNull()) {
            return null;
        }
        if (!payload.isObject()) {
            errors.add(new FieldError("payload", "must be a JSON object"));
            return null;
        }
        String text = payload.toString();
        if (text.length() > config.maxPayloadChars()) {
            errors.add(new FieldError("payload", "must be at most " + config.maxPayloadChars() + " characters of JSON"));
            return null;
        }
        return text;
    }

    private static String text(JsonNode item, String field, List<FieldError> errors) {
        JsonNode node = item.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        return node.asText();
    }

    private static BigDecimal number(JsonNode item, String field, List<FieldError> errors) {
        JsonNode node = item.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            errors.add(new FieldError(field, "must be a number"));
            return null;
        }
        return node.decimalValue();
    }

    private static UUID uuid(JsonNode item, String field, List<FieldError> errors) {
        String value = text(item, field, errors);
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be a UUID"));
            return null;
        }
    }

    private static <T> Optional<T> wire(JsonNode item, String field, java.util.function.Function<String, Optional<T>> parser,
            String allowed, List<FieldError> errors) {
        String value = text(item, field, errors);
        if (value == null) {
            return Optional.empty();
        }
        Optional<T> parsed = parser.apply(value);
        if (parsed.isEmpty()) {
            errors.add(new FieldError(field, "must be one of " + allowed));
        }
        return parsed;
    }
}
