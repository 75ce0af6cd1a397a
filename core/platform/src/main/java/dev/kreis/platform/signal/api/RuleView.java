package dev.kreis.platform.signal.api;

import dev.kreis.platform.api.RequestSchemas;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.kreis.platform.signal.RuleJson;
import dev.kreis.platform.signal.SignalRule;

/** A signal rule as the API shows it; the same shape a client sends, plus id and times. */
public record RuleView(UUID id, String name, boolean enabled, Trigger trigger,
        @Schema(implementation = RequestSchemas.RuleCondition.class) JsonNode condition,
        @Schema(implementation = RequestSchemas.RuleAction.class) JsonNode action,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** The touchpoint type (or area, {@code support.*}) the rule watches. */
    public record Trigger(String type) {
    }

    static RuleView of(SignalRule rule) {
        return new RuleView(rule.id(), rule.name(), rule.enabled(), new Trigger(rule.trigger().key()), RuleJson.write(rule.condition()),
                RuleJson.write(rule.action()), rule.createdAt(), rule.updatedAt());
    }
}
