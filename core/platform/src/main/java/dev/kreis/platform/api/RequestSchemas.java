package dev.kreis.platform.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The OpenAPI document's declaration of request bodies that their resources read as JSON trees (to name every
 * invalid field at once, with the rules of {@code RuleRequests}, {@code TargetRequests}, {@code TaskResource} and
 * {@code ScorecardResource}). Each record states the rules those readers enforce; none is instantiated.
 */
public final class RequestSchemas {

    private RequestSchemas() {
    }

    /** {@code PATCH /api/v1/tasks/{id}}. */
    @Schema(name = "TaskChange", description = "A change of a follow-up task; assignee and note are kept when left out, cleared with null",
            examples = "{\"status\": \"done\", \"assignee\": \"jo\", \"note\": \"Called, voucher sent\"}")
    public record TaskChange(
            @Schema(required = true, enumeration = { "open", "in_progress", "done", "dismissed" }, description = "The new status") String status,
            @Schema(nullable = true, maxLength = 255, description = "Who works on it") String assignee,
            @Schema(nullable = true, maxLength = 2000, description = "A note") String note,
            @Schema(nullable = true, description = "With done only: the company-initiated touchpoint of the task's customer that resolved it")
            UUID resolvedByTouchpointId,
            @Schema(nullable = true, format = "date", description = "The day it should be done by (YYYY-MM-DD); null clears it") String dueOn) {
    }

    /** {@code POST/PUT /api/v1/signals/rules}. */
    @Schema(name = "SignalRuleRequest", description = "A signal rule: when a touchpoint of the trigger type meets the condition, the action runs",
            examples = "{\"name\": \"Unhappy CSAT: follow up\", \"enabled\": true, \"trigger\": {\"type\": \"feedback.csat\"}, "
                    + "\"condition\": {\"kind\": \"score_range\", \"max\": 2}, "
                    + "\"action\": {\"kind\": \"task\", \"department\": \"support\", \"title\": \"Call the customer back\"}}")
    public record SignalRule(
            @Schema(required = true, minLength = 1, maxLength = 200, description = "The rule's name") String name,
            @Schema(defaultValue = "true", description = "Whether the rule fires") Boolean enabled,
            @Schema(required = true, description = "Which touchpoints the rule looks at") Trigger trigger,
            @Schema(required = true) RuleCondition condition,
            @Schema(required = true) RuleAction action) {
    }

    /** The touchpoint type a rule looks at. */
    @Schema(name = "SignalTrigger")
    public record Trigger(@Schema(required = true, description = "A registered touchpoint type", examples = "feedback.csat") String type) {
    }

    /** When a rule fires. */
    @Schema(name = "SignalCondition", description = "score_range: the touchpoint's score within [min, max] (at least one); "
            + "count_within: count touchpoints of the type within window (an ISO-8601 duration); "
            + "absence: no touchpoint of the type for period (an ISO-8601 period of at most 366 days)")
    public record RuleCondition(
            @Schema(required = true, enumeration = { "score_range", "count_within", "absence" }) String kind,
            @Schema(nullable = true, description = "score_range: the lowest score, within the type's scale") BigDecimal min,
            @Schema(nullable = true, description = "score_range: the highest score, within the type's scale") BigDecimal max,
            @Schema(nullable = true, minimum = "1", maximum = "1000", description = "count_within: how many touchpoints") Integer count,
            @Schema(nullable = true, description = "count_within: an ISO-8601 duration such as PT36H", examples = "PT36H") String window,
            @Schema(nullable = true, description = "absence: an ISO-8601 period such as P30D", examples = "P30D") String period) {
    }

    /** What a rule does. */
    @Schema(name = "SignalAction", description = "task: open a follow-up task for a department; tag: tag the customer; event: raise an event")
    public record RuleAction(
            @Schema(required = true, enumeration = { "task", "tag", "event" }) String kind,
            @Schema(nullable = true, pattern = "^[a-z][a-z0-9_-]*$", description = "task: the department, e.g. support") String department,
            @Schema(nullable = true, enumeration = { "low", "normal", "high", "urgent" }, defaultValue = "normal", description = "task: its priority") String priority,
            @Schema(nullable = true, maxLength = 200, description = "task: its title") String title,
            @Schema(nullable = true, description = "tag: the tag") String tag,
            @Schema(nullable = true, description = "event: the event's name") String name) {
    }

    /** {@code PUT /api/v1/kpis/{key}/target}. */
    @Schema(name = "KpiTargetRequest", description = "A KPI's target for the UTC days [from, to); both ends optional",
            examples = "{\"value\": 100, \"from\": \"2031-01-01\", \"to\": \"2032-01-01\", \"owners\": [\"sales\", \"support\"], "
                    + "\"shared\": true, \"atRisk\": {\"kind\": \"percent_of_target\", \"width\": 5}}")
    public record KpiTarget(
            @Schema(required = true, description = "The target, in the KPI's unit") BigDecimal value,
            @Schema(description = "The first day; open when left out") LocalDate from,
            @Schema(description = "The day after the last; open when left out") LocalDate to,
            @Schema(required = true, description = "Owner departments, lower case ([a-z][a-z0-9_-]*)") List<String> owners,
            @Schema(required = true, description = "Whether the KPI is shared between its owners") Boolean shared,
            @Schema(description = "When the KPI counts as at risk; default 5 % of the target") AtRisk atRisk) {
    }

    /** The at-risk band of a target. */
    @Schema(name = "AtRiskBand")
    public record AtRisk(
            @Schema(required = true, enumeration = { "percent_of_target", "absolute" }) String kind,
            @Schema(required = true, minimum = "0", description = "Percent of the target, or an amount in the KPI's unit") BigDecimal width) {
    }

    /** {@code PUT /api/v1/scorecards/pyramid/targets}. */
    @Schema(name = "PyramidTargetsRequest", examples = "{\"levels\": {\"1\": 70, \"3\": 75.5}}")
    public record PyramidTargets(
            @Schema(required = true, type = SchemaType.OBJECT, minProperties = 1, additionalProperties = LevelTarget.class,
                    description = "Level (1 to 5) to its target, 0 to 100; levels left out keep theirs") Map<String, BigDecimal> levels) {
    }

    /** A pyramid level's target. */
    @Schema(name = "LevelTarget", type = SchemaType.NUMBER, minimum = "0", maximum = "100")
    public static final class LevelTarget {
        private LevelTarget() {
        }
    }
}
