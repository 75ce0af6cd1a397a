package dev.kreis.platform.scorecard.api;

import dev.kreis.platform.api.RequestSchemas;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.MalformedRequestException;
import dev.kreis.platform.api.Problem;
import dev.kreis.platform.audit.Actors;
import dev.kreis.platform.kpi.DayPeriod;
import dev.kreis.platform.kpi.KpiEngine;
import dev.kreis.platform.kpi.api.KpiParams;
import dev.kreis.platform.scorecard.PyramidLevel;
import dev.kreis.platform.scorecard.ScorecardRepository;
import dev.kreis.platform.scorecard.Scorecards;
import dev.kreis.platform.security.Permissions;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Scorecards: the CX pyramid with its targets, and alignment. See docs/api.md#scorecards and docs/kpis.md#scorecards. */
@Path("/api/v1/scorecards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scorecards")
public class ScorecardResource {
    private final Scorecards scorecards;
    private final KpiEngine engine;
    private final SecurityIdentity caller;

    ScorecardResource(Scorecards scorecards, KpiEngine engine, SecurityIdentity caller) {
        this.scorecards = scorecards;
        this.engine = engine;
        this.caller = caller;
    }

    public record ComponentView(@Schema(required = true, description = "The figure's key") String key, @Schema(required = true, nullable = true) BigDecimal value, @Schema(required = true, description = "How many it was computed from") long sampleSize) {
    }

    public record LevelView(@Schema(required = true, minimum = "1", maximum = "5") int level, @Schema(required = true, enumeration = { "communication", "accountability", "engagement", "proactivity", "enhancement" }) String name, @Schema(required = true, description = "How the level is measured, for people") String metric, @Schema(required = true, nullable = true) BigDecimal value, @Schema(required = true, description = "0-100; null without data", nullable = true) BigDecimal score,
            @Schema(required = true, description = "0-100") BigDecimal target, @Schema(required = true, description = "null without data", nullable = true) Boolean meetsTarget, @Schema(required = true) List<ComponentView> components) {
    }

    @Schema(example = """
            {"from": "2026-01-01", "to": "2026-02-01", "levels": [
             {"level": 1, "name": "communication", "metric": "engaged ÷ delivered informational touchpoints", "value": 62, "score": 62,
              "target": 60, "meetsTarget": true, "components": [{"key": "engaged", "value": 310, "sampleSize": 500}]},
             {"level": 2, "name": "accountability", "metric": "issues resolved within SLA ÷ issues resolved", "value": null, "score": null,
              "target": 80, "meetsTarget": null, "components": []}],
             "lowestMissed": null}""")
    public record PyramidView(@Schema(required = true, format = "date", description = "First day of the period") LocalDate from, @Schema(required = true, format = "date", description = "The day after the period") LocalDate to, @Schema(required = true) List<LevelView> levels, @Schema(required = true, description = "The lowest level missing its target; null when none does", nullable = true) Integer lowestMissed) {
    }

    @Schema(example = "{\"levels\": {\"1\": 60, \"2\": 80, \"3\": 70, \"4\": 50, \"5\": 40}}")
    public record TargetsView(@Schema(required = true, description = "Target per level number, 1 to 5") Map<String, BigDecimal> levels) {
    }

    public record SharedKpiView(@Schema(required = true) String key, @Schema(required = true, description = "The departments that own it") Set<String> owners) {
    }

    public record SharedKpisView(@Schema(required = true) int count, @Schema(required = true) List<SharedKpiView> kpis) {
    }

    public record CustomersAcrossModulesView(@Schema(required = true) long customers, @Schema(required = true) long withTwoOrMoreModules, @Schema(required = true, description = "withTwoOrMoreModules as a percent of customers; null without customers", nullable = true) BigDecimal share) {
    }

    public record SourceView(@Schema(required = true) String source, @Schema(required = true, format = "date-time") OffsetDateTime lastTouchpointAt, @Schema(required = true) long touchpoints) {
    }

    public record ConnectedSourcesView(@Schema(required = true) int count, @Schema(required = true) List<SourceView> sources) {
    }

    @Schema(example = """
            {"from": "2026-01-01", "to": "2026-02-01",
             "sharedKpis": {"count": 1, "kpis": [{"key": "nps", "owners": ["marketing", "support"]}]},
             "customersAcrossModules": {"customers": 200, "withTwoOrMoreModules": 45, "share": 22.5},
             "connectedSources": {"count": 2, "sources": [{"source": "crm", "lastTouchpointAt": "2026-01-31T18:00:00Z", "touchpoints": 1200},
              {"source": "shop", "lastTouchpointAt": "2026-01-31T19:30:00Z", "touchpoints": 800}]}}""")
    public record AlignmentView(@Schema(required = true, format = "date") LocalDate from, @Schema(required = true, format = "date") LocalDate to, @Schema(required = true) SharedKpisView sharedKpis, @Schema(required = true) CustomersAcrossModulesView customersAcrossModules,
            @Schema(required = true) ConnectedSourcesView connectedSources) {
    }

    @GET
    @Path("/pyramid")
    @PermissionsAllowed(Permissions.KPIS_READ)
    @Operation(operationId = "getPyramid", summary = "The CX pyramid of a period: each level's metric, 0–100 score, target, and the lowest level missing its target")
    @APIResponse(responseCode = "422", description = "from is not before to")
    @APIResponse(responseCode = "200")
    public PyramidView pyramid(@QueryParam("from") @Parameter(description = "First day of the period (YYYY-MM-DD, or midnight UTC); left out: the default period length before to") String from,
            @QueryParam("to") @Parameter(description = "Day after the period, excluded (YYYY-MM-DD, or midnight UTC); left out: tomorrow, so today is included") String to) {
        DayPeriod period = KpiParams.period(from, to, engine);
        Scorecards.Pyramid pyramid = scorecards.pyramid(period);
        List<LevelView> levels = pyramid.levels().stream().map(level -> new LevelView(level.level().number(), level.level().wire(),
                level.level().metric(), level.value(), level.score(), level.target(), level.meetsTarget(),
                level.components().stream().map(c -> new ComponentView(c.key(), c.value(), c.sampleSize())).toList())).toList();
        return new PyramidView(period.from(), period.to(), levels, pyramid.lowestMissed());
    }

    @GET
    @Path("/pyramid/targets")
    @PermissionsAllowed(Permissions.KPIS_READ)
    @Operation(operationId = "getPyramidTargets", summary = "The target of every pyramid level, 0–100")
    public TargetsView targets() {
        return targetsView(scorecards.targets());
    }

    @PUT
    @Path("/pyramid/targets")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.KPIS_WRITE)
    @Operation(operationId = "setPyramidTargets", summary = "Set the targets of some or all pyramid levels, 0–100 each; audited as scorecard.targets.set")
    @APIResponse(responseCode = "422", description = "A level that is not 1-5, or a target outside 0-100; each is named")
    @APIResponse(responseCode = "200")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestSchemas.PyramidTargets.class)))
    public TargetsView setTargets(JsonNode body) {
        return targetsView(scorecards.setTargets(validate(body), Actors.of(caller)));
    }

    @GET
    @Path("/alignment")
    @PermissionsAllowed(Permissions.KPIS_READ)
    @Operation(operationId = "getAlignment", summary = "Alignment of a period: shared KPIs with owners from two or more departments, customers across modules, connected sources")
    @APIResponse(responseCode = "422", description = "from is not before to")
    @APIResponse(responseCode = "200")
    public AlignmentView alignment(@QueryParam("from") @Parameter(description = "First day of the period (YYYY-MM-DD, or midnight UTC); left out: the default period length before to") String from,
            @QueryParam("to") @Parameter(description = "Day after the period, excluded (YYYY-MM-DD, or midnight UTC); left out: tomorrow, so today is included") String to) {
        DayPeriod period = KpiParams.period(from, to, engine);
        Scorecards.Alignment alignment = scorecards.alignment(period);
        List<SharedKpiView> shared = alignment.sharedKpis().stream().map(kpi -> new SharedKpiView(kpi.key(), kpi.owners())).toList();
        ScorecardRepository.ModuleReach reach = alignment.moduleReach();
        List<SourceView> sources = alignment.sources().stream()
                .map(source -> new SourceView(source.source(), source.lastTouchpointAt(), source.touchpoints())).toList();
        return new AlignmentView(period.from(), period.to(), new SharedKpisView(shared.size(), shared),
                new CustomersAcrossModulesView(reach.customers(), reach.withTwoOrMoreModules(), alignment.moduleReachShare().orElse(null)),
                new ConnectedSourcesView(sources.size(), sources));
    }

    private static TargetsView targetsView(Map<PyramidLevel, BigDecimal> targets) {
        Map<String, BigDecimal> levels = new LinkedHashMap<>();
        targets.forEach((level, value) -> levels.put(String.valueOf(level.number()), value));
        return new TargetsView(levels);
    }

    /** {@code {"levels": {"1": 80, …}}}: at least one level, keys 1–5, numbers 0–100; every error names {@code levels.<key>}. */
    static Map<PyramidLevel, BigDecimal> validate(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new MalformedRequestException("the body must be a JSON object such as {\"levels\": {\"1\": 80}}");
        }
        JsonNode levels = body.get("levels");
        if (levels == null || !levels.isObject() || levels.isEmpty()) {
            throw new InvalidInputException("levels", "must be an object of level numbers 1 to 5 to targets 0–100, with at least one level");
        }
        Map<PyramidLevel, BigDecimal> changes = new LinkedHashMap<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = levels.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = "levels." + field.getKey();
            if (!field.getKey().matches("[1-5]")) {
                errors.add(new Problem.FieldError(name, "unknown level; the levels are 1 to 5"));
                continue;
            }
            JsonNode value = field.getValue();
            if (!value.isNumber() || value.decimalValue().compareTo(BigDecimal.ZERO) < 0
                    || value.decimalValue().compareTo(BigDecimal.valueOf(100)) > 0) {
                errors.add(new Problem.FieldError(name, "must be a number from 0 to 100"));
                continue;
            }
            changes.put(PyramidLevel.of(Integer.parseInt(field.getKey())), value.decimalValue());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return changes;
    }
}
