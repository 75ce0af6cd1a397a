package dev.kreis.platform.kpi.api;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.api.MalformedRequestException;
import dev.kreis.platform.api.Page;
import dev.kreis.platform.api.QueryParams;
import dev.kreis.platform.audit.Actors;
import dev.kreis.platform.kpi.DayPeriod;
import dev.kreis.platform.kpi.KpiEngine;
import dev.kreis.platform.kpi.SeriesInterval;
import dev.kreis.platform.kpi.api.KpiViews.DefinitionView;
import dev.kreis.platform.kpi.api.KpiViews.FunnelView;
import dev.kreis.platform.kpi.api.KpiViews.NegativePeaksView;
import dev.kreis.platform.kpi.api.KpiViews.PointView;
import dev.kreis.platform.kpi.api.KpiViews.SeriesView;
import dev.kreis.platform.kpi.api.KpiViews.TargetView;
import dev.kreis.platform.kpi.api.KpiViews.ValueView;
import dev.kreis.platform.security.Permissions;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.kreis.platform.api.RequestSchemas;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Shared KPIs: definitions with targets, values per period and filters, series, the funnel, targets. See docs/api.md. */
@Path("/api/v1/kpis")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "KPIs")
public class KpiResource {
    private final KpiEngine engine;
    private final SecurityIdentity caller;
    private final KpiCustomers customers;

    KpiResource(KpiEngine engine, SecurityIdentity caller, KpiCustomers customers) {
        this.engine = engine;
        this.caller = caller;
        this.customers = customers;
    }

    @GET
    @PermissionsAllowed(Permissions.KPIS_READ)
    @Operation(operationId = "listKpis", summary = "Every KPI with its unit, direction, owners, shared flag and the target in effect today")
    @APIResponse(responseCode = "200", description = "Every KPI, by key",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = DefinitionView.class),
                    examples = @ExampleObject(name = "kpis", value = KpiDocs.DEFINITIONS_EXAMPLE)))
    public List<DefinitionView> list() {
        return engine.overview().stream().map(DefinitionView::of).toList();
    }

    @GET
    @Path("/funnel/steps")
    @PermissionsAllowed(Permissions.KPIS_READ)
    @Operation(operationId = "getFunnel", summary = "The journey funnel of a period: customers who reached each phase and the conversion to the next")
    @APIResponse(responseCode = "422", description = "from is not before to, an unknown segment, or a filter the funnel cannot apply")
    @APIResponse(responseCode = "200")
    public FunnelView funnel(@QueryParam("from") @Parameter(description = KpiDocs.FROM) String from,
            @QueryParam("to") @Parameter(description = KpiDocs.TO) String to,
            @QueryParam("phase") @Parameter(description = KpiDocs.PHASE) String phase,
            @QueryParam("module") @Parameter(description = KpiDocs.MODULE) String module,
            @QueryParam("segment") @Parameter(description = KpiDocs.SEGMENT) String segment) {
        DayPeriod period = KpiParams.period(from, to, engine);
        return FunnelView.of(period.from(), period.to(), engine.funnel(period, KpiParams.filters(phase, module, segment)));
    }

    @GET
    @Path("/peak-end/negative-peaks")
    @PermissionsAllowed(Permissions.KPIS_READ)
    @Operation(operationId = "getNegativePeaks", summary = "Touchpoint types ranked by how many customers had their negative peak (worst moment) there in a period")
    @APIResponse(responseCode = "422", description = "from is not before to, or an unknown segment")
    @APIResponse(responseCode = "200")
    public NegativePeaksView negativePeaks(@QueryParam("from") @Parameter(description = KpiDocs.FROM) String from,
            @QueryParam("to") @Parameter(description = KpiDocs.TO) String to,
            @QueryParam("phase") @Parameter(description = KpiDocs.PHASE) String phase,
            @QueryParam("module") @Parameter(description = KpiDocs.MODULE) String module,
            @QueryParam("segment") @Parameter(description = KpiDocs.SEGMENT) String segment) {
        DayPeriod period = KpiParams.period(from, to, engine);
        return NegativePeaksView.of(period.from(), period.to(), engine.negativePeaks(period, KpiParams.filters(phase, module, segment)));
    }

    @GET
    @Path("/{key}")
    @PermissionsAllowed(Permissions.KPIS_READ)
    @Operation(operationId = "getKpi", summary = "A KPI's value for a period [from, to) of UTC days, optionally filtered, with its target and status")
    @APIResponse(responseCode = "404", description = "No such KPI")
    @APIResponse(responseCode = "422", description = "from is not before to, an unknown segment, or a filter the KPI cannot apply")
    @APIResponse(responseCode = "200")
    public ValueView value(@PathParam("key") @Parameter(description = KpiDocs.KEY) String key,
            @QueryParam("from") @Parameter(description = KpiDocs.FROM) String from,
            @QueryParam("to") @Parameter(description = KpiDocs.TO) String to,
            @QueryParam("phase") @Parameter(description = KpiDocs.PHASE) String phase,
            @QueryParam("module") @Parameter(description = KpiDocs.MODULE) String module,
            @QueryParam("segment") @Parameter(description = KpiDocs.SEGMENT) String segment) {
        engine.kpi(key);
        return ValueView.of(engine.read(key, KpiParams.period(from, to, engine), KpiParams.filters(phase, module, segment)));
    }

    @GET
    @Path("/{key}/series")
    @PermissionsAllowed(Permissions.KPIS_READ)
    @Operation(operationId = "getKpiSeries", summary = "A KPI per day, week (from Monday) or month over a period, for charts")
    @APIResponse(responseCode = "404", description = "No such KPI")
    @APIResponse(responseCode = "422", description = "from is not before to, too many points, an unknown segment, or a filter the KPI cannot apply")
    @APIResponse(responseCode = "200")
    public SeriesView series(@PathParam("key") @Parameter(description = KpiDocs.KEY) String key,
            @QueryParam("interval") @Parameter(description = KpiDocs.INTERVAL) String interval,
            @QueryParam("from") @Parameter(description = KpiDocs.FROM) String from,
            @QueryParam("to") @Parameter(description = KpiDocs.TO) String to,
            @QueryParam("phase") @Parameter(description = KpiDocs.PHASE) String phase,
            @QueryParam("module") @Parameter(description = KpiDocs.MODULE) String module,
            @QueryParam("segment") @Parameter(description = KpiDocs.SEGMENT) String segment) {
        engine.kpi(key);
        SeriesInterval bucket = SeriesInterval.fromWire(interval == null || interval.isBlank() ? "day" : interval.trim())
                .orElseThrow(() -> new MalformedRequestException("interval", "must be one of day, week, month"));
        DayPeriod period = KpiParams.period(from, to, engine);
        List<PointView> points = engine.series(key, period, bucket, KpiParams.filters(phase, module, segment)).stream()
                .map(PointView::of).toList();
        return new SeriesView(key, bucket.wire(), period.from(), period.to(), points);
    }

    @GET
    @Path("/{key}/customers")
    @PermissionsAllowed(Permissions.KPIS_READ)
    @Operation(operationId = "listKpiCustomers", summary = "The customers behind a per-customer KPI in a period, worst first",
            description = "Score KPIs (nps, csat, csat_mean, ces, ces_share_easy): every customer who answered in the period, with answers,"
                    + " mean and latest score, lowest mean first. Revenue KPIs (nrr, grr, churn_rate, retention_rate, clv): the cohort paying at"
                    + " the period start, with MRR at start and end and the outcome (expanded, contracted, churned, unchanged), largest loss"
                    + " first. repurchase_rate: every customer with an order in the period, with orders and order revenue, fewest orders first."
                    + " The same period and filters as GET /api/v1/kpis/{key}. Needs kpis:read (every role holding it also reads customer"
                    + " records). average_order_value and proactive_share count orders and touchpoints, peak_end_score and funnel have views"
                    + " of their own: they have no drill-down (422 naming key).")
    @APIResponse(responseCode = "404", description = "No such KPI")
    @APIResponse(responseCode = "422", description = "from is not before to, an unknown segment, a filter the KPI cannot apply, or a KPI without a per-customer drill-down")
    @APIResponse(responseCode = "200", description = "One page of customers, worst first",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KpiCustomers.KpiCustomerPage.class),
                    examples = @ExampleObject(name = "customers", value = KpiDocs.CUSTOMERS_EXAMPLE)))
    public Page<KpiCustomers.KpiCustomerView> customers(@PathParam("key") @Parameter(description = KpiDocs.KEY) String key,
            @QueryParam("from") @Parameter(description = KpiDocs.FROM) String from, @QueryParam("to") @Parameter(description = KpiDocs.TO) String to,
            @QueryParam("phase") @Parameter(description = KpiDocs.PHASE) String phase,
            @QueryParam("module") @Parameter(description = KpiDocs.MODULE) String module,
            @QueryParam("segment") @Parameter(description = KpiDocs.SEGMENT) String segment,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        engine.kpi(key);
        DayPeriod period = KpiParams.period(from, to, engine);
        return customers.page(key, period, KpiParams.filters(phase, module, segment), Cursor.decode(cursor), QueryParams.limit(limit));
    }

    @PUT
    @Path("/{key}/target")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.KPIS_WRITE)
    @Operation(operationId = "setKpiTarget", summary = "Set a KPI's target for a period, with owner departments and the shared flag; replaces the target of that period")
    @APIResponse(responseCode = "404", description = "No such KPI")
    @APIResponse(responseCode = "422", description = "Invalid fields; each is named")
    @APIResponse(responseCode = "200")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestSchemas.KpiTarget.class)))
    public TargetView setTarget(@PathParam("key") @Parameter(description = KpiDocs.KEY) String key, JsonNode body) {
        engine.kpi(key);
        return TargetView.of(engine.setTarget(key, TargetRequests.validate(body), Actors.of(caller)));
    }
}
