package dev.kreis.platform.signal.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.MalformedRequestException;
import dev.kreis.platform.api.Problem.FieldError;
import dev.kreis.platform.signal.Action;
import dev.kreis.platform.signal.Condition;
import dev.kreis.platform.signal.RuleDraft;
import dev.kreis.platform.signal.RuleJson;
import dev.kreis.platform.signal.TriggerPattern;
import dev.kreis.platform.touchpoint.TouchpointTypeRegistry;
import dev.kreis.spi.touchpoint.ScoreScale;
import dev.kreis.spi.touchpoint.TouchpointTypeDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/** Validation of rule bodies against the type registry; every problem names its field. */
@ApplicationScoped
public class RuleRequests {
    static final int MAX_NAME = 200;

    private final TouchpointTypeRegistry types;

    RuleRequests(TouchpointTypeRegistry types) {
        this.types = types;
    }

    RuleDraft validate(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw new MalformedRequestException("body", "is required");
        }
        if (!body.isObject()) {
            throw new MalformedRequestException("body", "must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        String name = null;
        JsonNode nameNode = body.get("name");
        if (nameNode == null || nameNode.isNull() || (nameNode.isTextual() && nameNode.asText().isBlank())) {
            errors.add(new FieldError("name", "is required"));
        } else if (!nameNode.isTextual()) {
            errors.add(new FieldError("name", "must be a string"));
        } else if (nameNode.asText().trim().length() > MAX_NAME) {
            errors.add(new FieldError("name", "must be at most " + MAX_NAME + " characters"));
        } else {
            name = nameNode.asText().trim();
        }
        boolean enabled = true;
        JsonNode enabledNode = body.get("enabled");
        if (enabledNode != null && !enabledNode.isNull()) {
            if (enabledNode.isBoolean()) {
                enabled = enabledNode.booleanValue();
            } else {
                errors.add(new FieldError("enabled", "must be true or false"));
            }
        }
        TriggerPattern trigger = trigger(body.get("trigger"), errors);
        Condition condition = RuleJson.condition(body.get("condition"), "condition", errors);
        Action action = RuleJson.action(body.get("action"), "action", errors);
        if (trigger != null && condition instanceof Condition.ScoreRange range) {
            scoreRange(trigger, range, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new RuleDraft(name, enabled, trigger, condition, action);
    }

    private TriggerPattern trigger(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            errors.add(new FieldError("trigger", "is required"));
            return null;
        }
        if (!node.isObject()) {
            errors.add(new FieldError("trigger", "must be an object"));
            return null;
        }
        JsonNode type = node.get("type");
        if (type == null || type.isNull() || (type.isTextual() && type.asText().isBlank())) {
            errors.add(new FieldError("trigger.type", "is required"));
            return null;
        }
        if (!type.isTextual()) {
            errors.add(new FieldError("trigger.type", "must be a string"));
            return null;
        }
        String key = type.asText().trim();
        if (TriggerPattern.isAreaPattern(key) || types.find(key).isPresent()) {
            return new TriggerPattern(key);
        }
        errors.add(new FieldError("trigger.type", "unknown touchpoint type '" + key
                + "'; use a registered type (GET /api/v1/touchpoint-types) or an area such as support.*"));
        return null;
    }

    private void scoreRange(TriggerPattern trigger, Condition.ScoreRange range, List<FieldError> errors) {
        Optional<ScoreScale> scale = trigger.isArea() ? Optional.empty() : types.find(trigger.key()).flatMap(TouchpointTypeDefinition::scoreScale);
        if (scale.isEmpty()) {
            errors.add(new FieldError("condition.kind", "score_range needs a trigger type with a score scale, and '" + trigger.key()
                    + "' has none"));
            return;
        }
        ScoreScale s = scale.get();
        String bounds = "must be within the " + s.wire() + " scale, " + s.min().toPlainString() + " to " + s.max().toPlainString();
        if (range.min() != null && (range.min().compareTo(s.min()) < 0 || range.min().compareTo(s.max()) > 0)) {
            errors.add(new FieldError("condition.min", bounds));
        }
        if (range.max() != null && (range.max().compareTo(s.min()) < 0 || range.max().compareTo(s.max()) > 0)) {
            errors.add(new FieldError("condition.max", bounds));
        }
    }
}
