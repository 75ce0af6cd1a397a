package dev.kreis.platform.signal.api;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

import dev.kreis.platform.api.RequestSchemas;
import dev.kreis.platform.security.Permissions;
import dev.kreis.platform.signal.RuleDraft;
import dev.kreis.platform.signal.SignalBacktest;
import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Trying a rule before saving it: how often it would have fired in the last 30 days. Reads only. */
@Path("/api/v1/signals/backtest")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Signals")
public class SignalBacktestResource {
    private final SignalBacktest backtest;
    private final RuleRequests requests;

    SignalBacktestResource(SignalBacktest backtest, RuleRequests requests) {
        this.backtest = backtest;
        this.requests = requests;
    }

    /** How often a rule would have fired over {@code [from, to]}. */
    @Schema(name = "SignalBacktestView", description = "How often a rule would have fired in the last 30 days")
    public record BacktestView(
            @Schema(required = true, description = "Start of the period looked at (30 days before to)") OffsetDateTime from,
            @Schema(required = true, description = "End of the period: now") OffsetDateTime to,
            @Schema(required = true, description = "How often the condition held: the events an event action would have raised") long firings,
            @Schema(required = true, description = "How many different customers it fired for: the tasks or tags a task or tag action would have made at most") long customers) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.SIGNALS_WRITE)
    @Operation(operationId = "backtestSignalRule", summary = "How often a rule, as drafted, would have fired in the last 30 days; nothing is saved or done",
            description = "Takes the body of a rule (as for createSignalRule) and replays its trigger and condition over the touchpoints of the "
                    + "last 30 days: score_range and count_within as on arrival, absence at the moments a customer's silence reached the period.")
    @APIResponse(responseCode = "200", description = "The backtest", content = @Content(mediaType = "application/json", schema = @Schema(implementation = BacktestView.class),
            examples = @org.eclipse.microprofile.openapi.annotations.media.ExampleObject(name = "backtest", value = """
                    {"from": "2026-01-01T09:30:00Z", "to": "2026-01-31T09:30:00Z", "firings": 14, "customers": 11}""")))
    @APIResponse(responseCode = "400", description = "The body is not a JSON object")
    @APIResponse(responseCode = "422", description = "An invalid trigger, condition or action; each invalid field is named")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestSchemas.SignalRule.class)))
    public BacktestView backtest(JsonNode body) {
        RuleDraft draft = requests.validate(body);
        SignalBacktest.Result result = backtest.run(draft.trigger(), draft.condition());
        return new BacktestView(result.from(), result.to(), result.firings(), result.customers());
    }
}
