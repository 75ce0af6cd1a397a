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

    public record ComponentView(String key, @Schema(nullable = true) BigDecimal value, long sampleSize) {
    }

    public record LevelView(int level, String name, String metric, @Schema(nullable = true) BigDecimal value, @Schema(nullable = true) BigDecimal score,
            BigDecimal target, @Schema(nullable = true) Boolean meetsTarget, List<ComponentView> components) {
    }

    public record PyramidView(LocalDate from, LocalDate to, List<LevelView> levels, @Schema(nullable = true) Integer lowestMissed) {
    }

    public record TargetsView(Map<String, BigDecimal> levels) {
    }

    public record SharedKpiView(String key, Set<String> owners) {
    }

    public record SharedKpisView(int count, List<SharedKpiView> kpis) {
    }

    public record CustomersAcrossModulesView(long customers, long withTwoOrMoreModules, @Schema(nullable = true) BigDecimal share) {
    }

    public record SourceView(String source, OffsetDateTime lastTouchpointAt, long touchpoints) {
    }

    public record ConnectedSourcesView(int count, List<SourceView> sources) {
    }

    public record AlignmentView(LocalDate from, LocalDate to, SharedKpisView sharedKpis, CustomersAcrossModulesView customersAcrossModules,
            ConnectedSourcesView connectedSources) {
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
