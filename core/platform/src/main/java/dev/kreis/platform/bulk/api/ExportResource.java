package dev.kreis.platform.bulk.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.kreis.platform.api.MalformedRequestException;
import dev.kreis.platform.api.Problem;
import dev.kreis.platform.api.QueryParams;
import dev.kreis.platform.audit.Actors;
import dev.kreis.platform.audit.AuditLog;
import dev.kreis.platform.bulk.CsvExport;
import dev.kreis.platform.bulk.CsvExport.ExportLanguage;
import dev.kreis.platform.bulk.CustomerExport;
import dev.kreis.platform.customer.api.CustomerListFilter;
import dev.kreis.platform.bulk.TouchpointExport;
import dev.kreis.platform.kpi.DayPeriod;
import dev.kreis.platform.kpi.KpiEngine;
import dev.kreis.platform.kpi.SeriesInterval;
import dev.kreis.platform.kpi.api.KpiParams;
import dev.kreis.platform.security.Permissions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

@Path("/api/v1/exports")
@Produces({ "text/csv", Problem.MEDIA_TYPE })
@Tag(name = "Exports", description = "CSV exports of customers, touchpoints and KPI series, safe to open in a spreadsheet")
public class ExportResource {
    private static final String LANG = "en (default): English headers, ',' and a decimal point; de: German headers, ';', a decimal comma"
            + " and a byte-order mark, as Excel in a German locale expects";

    private final CustomerExport customers;
    private final TouchpointExport touchpoints;
    private final KpiEngine kpis;
    private final AuditLog audit;
    private final SecurityIdentity caller;

    ExportResource(CustomerExport customers, TouchpointExport touchpoints, KpiEngine kpis, AuditLog audit, SecurityIdentity caller) {
        this.customers = customers;
        this.touchpoints = touchpoints;
        this.kpis = kpis;
        this.audit = audit;
        this.caller = caller;
    }

    /** What an export's audit entry records. */
    public record ExportAudit(String export, String filter, String language) {
    }

    @GET
    @Path("/customers.csv")
    @PermissionsAllowed(Permissions.CUSTOMER_RECORD_READ)
    @Operation(operationId = "exportCustomers", summary = "The customer list as CSV",
            description = "The customers the list's search and filters find (q, kind, source; all without them): golden attributes, identifiers, journey phase, last NPS"
                    + " and CSAT answer and the number of sources. Streamed; text cells that a spreadsheet would run as a formula are escaped.")
    @APIResponse(responseCode = "200", description = "The CSV", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "customers", value = "id,kind,displayName,email,phone,firstName,lastName,name,company,city,"
                    + "journeyPhase,lastNps,lastCsat,sourceCount,identifiers,attributes,createdAt\n")))
    public Response customers(@QueryParam("q") @Parameter(description = "The customer list's search: name, e-mail, phone or external id") String q,
            @Parameter(description = "person or organisation", example = "person") @QueryParam("kind") String kind,
            @Parameter(description = "A profile source, e.g. crm or shop", example = "crm") @QueryParam("source") String source,
            @QueryParam("lang") @Parameter(description = LANG) String lang) {
        CustomerListFilter filter = CustomerListFilter.of(q, kind, source);
        ExportLanguage language = ExportLanguage.of(lang);
        audited("customers", filter.toString(), language);
        StreamingOutput body = out -> customers.write(filter, language, out);
        return csv(body, "customers.csv");
    }

    @GET
    @Path("/touchpoints.csv")
    @PermissionsAllowed(Permissions.TOUCHPOINTS_READ)
    @Operation(operationId = "exportTouchpoints", summary = "Touchpoints as CSV, oldest first",
            description = "Filtered by occurred-at (from inclusive, to exclusive), type and module. Streamed in constant memory.")
    @APIResponse(responseCode = "200", description = "The CSV", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "touchpoints", value = "id,customerId,source,externalId,type,module,channel,phase,initiator,"
                    + "occurredAt,score,amount,currency,payload\n")))
    @APIResponse(responseCode = "400", description = "A malformed from or to",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response touchpoints(@QueryParam("from") @Parameter(description = "ISO-8601 instant, inclusive") String from,
            @QueryParam("to") @Parameter(description = "ISO-8601 instant, exclusive") String to,
            @QueryParam("type") @Parameter(description = "A touchpoint type, e.g. feedback.nps") String type,
            @QueryParam("module") @Parameter(description = "The module owning the types, e.g. support") String module,
            @QueryParam("lang") @Parameter(description = LANG) String lang) {
        TouchpointExport.Filter filter = new TouchpointExport.Filter(QueryParams.time("from", from).orElse(null),
                QueryParams.time("to", to).orElse(null), blank(type), blank(module));
        ExportLanguage language = ExportLanguage.of(lang);
        audited("touchpoints", filter.toString(), language);
        return csv(out -> touchpoints.write(filter, language, out), "touchpoints.csv");
    }

    @GET
    @Path("/kpis/{key}/series.csv")
    @PermissionsAllowed(Permissions.KPIS_READ)
    @Operation(operationId = "exportKpiSeries", summary = "A KPI's series as CSV",
            description = "The same series as GET /api/v1/kpis/{key}/series, one line per period.")
    @APIResponse(responseCode = "200", description = "The CSV", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "series", value = "from,to,value,sampleSize\n2026-11-01,2026-11-01,42.5,120\n")))
    @APIResponse(responseCode = "400", description = "A malformed interval, period or filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such KPI",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response kpiSeries(@PathParam("key") @Parameter(description = "The KPI's key, e.g. nps") String key,
            @QueryParam("interval") @Parameter(description = "day (default), week or month") String interval,
            @QueryParam("from") @Parameter(description = "First day, ISO date") String from,
            @QueryParam("to") @Parameter(description = "Last day, ISO date") String to,
            @QueryParam("phase") @Parameter(description = "Only touchpoints of this journey phase") String phase,
            @QueryParam("module") @Parameter(description = "Only touchpoints of this module") String module,
            @QueryParam("segment") @Parameter(description = "A customer segment") String segment,
            @QueryParam("lang") @Parameter(description = LANG) String lang) {
        kpis.kpi(key);
        SeriesInterval bucket = SeriesInterval.fromWire(interval == null || interval.isBlank() ? "day" : interval.trim())
                .orElseThrow(() -> new MalformedRequestException("interval", "must be one of day, week, month"));
        DayPeriod period = KpiParams.period(from, to, kpis);
        List<KpiEngine.Point> points = kpis.series(key, period, bucket, KpiParams.filters(phase, module, segment));
        ExportLanguage language = ExportLanguage.of(lang);
        audited("kpi-series:" + key, period.from() + ".." + period.to(), language);
        return csv(out -> {
            try (CsvExport csv = new CsvExport(out, language)) {
                csv.header("from", "von", "to", "bis", "value", "Wert", "sampleSize", "Stichprobe");
                for (KpiEngine.Point point : points) {
                    csv.text(point.period().from().toString()).text(point.period().to().toString()).number(point.value().value())
                            .number(point.value().sampleSize());
                    csv.end();
                }
            }
        }, key + "-series.csv");
    }

    private void audited(String export, String filter, ExportLanguage language) {
        QuarkusTransaction.requiringNew().run(() -> audit.record(Actors.of(caller), "export.downloaded", "export", export, null,
                new ExportAudit(export, filter, language.name().toLowerCase(java.util.Locale.ROOT))));
    }

    private static Response csv(StreamingOutput body, String name) {
        return Response.ok(body, "text/csv; charset=UTF-8").header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
