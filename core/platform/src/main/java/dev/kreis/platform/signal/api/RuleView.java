package dev.kreis.platform.signal.api;

import dev.kreis.platform.api.RequestSchemas;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.kreis.platform.signal.RuleJson;
import dev.kreis.platform.signal.SignalRule;

/** A signal rule as the API shows it; the same shape a client sends, plus id and times. */
@Schema(example = RuleView.EXAMPLE)
public record RuleView(@Schema(required = true) UUID id, @Schema(required = true) String name, @Schema(required = true) boolean enabled,
        @Schema(required = true) Trigger trigger,
        @Schema(implementation = RequestSchemas.RuleCondition.class) JsonNode condition,
        @Schema(implementation = RequestSchemas.RuleAction.class) JsonNode action,
        @Schema(required = true, format = "date-time") OffsetDateTime createdAt,
        @Schema(required = true, format = "date-time") OffsetDateTime updatedAt) {

    /** An example, for the API document. */
    public static final String EXAMPLE = """
        {"id": "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a", "name": "Unhappy CSAT: follow up", "enabled": true, \
        "trigger": {"type": "feedback.csat"}, "condition": {"kind": "score_range", "max": 2}, \
        "action": {"kind": "task", "department": "support", "title": "Call the customer back"}, \
        "createdAt": "2026-01-31T09:30:00Z", "updatedAt": "2026-01-31T09:30:00Z"}""";

    /** A page of these as the API document shows it (the answer is a {@link dev.kreis.platform.api.Page}). */
    @Schema(name = "PageRuleView", example = "{\"items\": [" + EXAMPLE + "], \"nextCursor\": null}")
    public record ListPage(@Schema(required = true, description = "The rules of this page, newest first") java.util.List<RuleView> items,
            @Schema(required = true, nullable = true, description = "The cursor of the next page; null on the last page") String nextCursor) {
    }

    /** The touchpoint type (or area, {@code support.*}) the rule watches. */
    public record Trigger(@Schema(required = true, example = "feedback.csat", description = "A touchpoint type, or an area such as support.*") String type) {
    }

    static RuleView of(SignalRule rule) {
        return new RuleView(rule.id(), rule.name(), rule.enabled(), new Trigger(rule.trigger().key()), RuleJson.write(rule.condition()),
                RuleJson.write(rule.action()), rule.createdAt(), rule.updatedAt());
    }
}
