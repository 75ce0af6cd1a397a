package dev.kreis.platform.kpi.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.Page;
import dev.kreis.platform.customer.CustomerDirectory;
import dev.kreis.platform.kpi.CoreKpi;
import dev.kreis.platform.kpi.CoreKpiProvider;
import dev.kreis.platform.kpi.CustomerSegment;
import dev.kreis.platform.kpi.DayPeriod;
import dev.kreis.platform.kpi.KpiEngine;
import dev.kreis.platform.kpi.persistence.KpiCustomerQueries;
import dev.kreis.spi.touchpoint.JourneyPhase;
import dev.kreis.spi.touchpoint.ScoreScale;
import jakarta.enterprise.context.ApplicationScoped;

/** The drill-down from a score KPI's value to the customers behind it (GET /api/v1/kpis/{key}/customers). */
@ApplicationScoped
public class KpiCustomers {
    private final KpiCustomerQueries queries;
    private final CustomerDirectory directory;

    KpiCustomers(KpiCustomerQueries queries, CustomerDirectory directory) {
        this.queries = queries;
        this.directory = directory;
    }

    /** One customer behind the KPI: who, how many answers in the period, their mean and the latest answer. */
    public record KpiCustomerView(
            @Schema(required = true, description = "The customer") UUID customerId,
            @Schema(required = true, nullable = true, description = "Its name, company or e-mail address; null when it has none") String displayName,
            @Schema(required = true, enumeration = { "person", "organisation" }) String kind,
            @Schema(required = true, description = "Its scored answers in the period") long answers,
            @Schema(required = true, description = "The mean of those scores (4 decimals)") BigDecimal meanScore,
            @Schema(required = true, nullable = true, description = "The score of its latest answer in the period") BigDecimal lastScore,
            @Schema(required = true, format = "date-time", description = "When it answered last in the period") OffsetDateTime lastAnsweredAt) {
    }

    /** The document's name for a page of {@link KpiCustomerView}s (the answer is a {@link Page}). */
    @Schema(name = "KpiCustomerPage")
    public record KpiCustomerPage(
            @Schema(required = true, description = "The customers of this page, worst mean first") java.util.List<KpiCustomerView> items,
            @Schema(required = true, nullable = true, description = "The cursor of the next page; null on the last page") String nextCursor) {
    }

    /** The scale a KPI is computed from, if it is computed from customers' answers. */
    static Optional<ScoreScale> scaleOf(String key) {
        return CoreKpi.fromKey(key).flatMap(kpi -> switch (kpi) {
            case NPS -> Optional.of(ScoreScale.NPS);
            case CSAT, CSAT_MEAN -> Optional.of(ScoreScale.CSAT);
            case CES, CES_SHARE_EASY -> Optional.of(ScoreScale.CES);
            default -> Optional.empty();
        });
    }

    Page<KpiCustomerView> page(String key, DayPeriod period, KpiEngine.Filters filters, Cursor after, int limit) {
        ScoreScale scale = scaleOf(key).orElseThrow(() -> new InvalidInputException("key",
                "'" + key + "' has no per-customer drill-down; it is available for nps, csat, csat_mean, ces and ces_share_easy"));
        CoreKpi kpi = CoreKpi.fromKey(key).orElseThrow();
        if (filters.segment().isPresent()) {
            String segment = filters.segment().get();
            if (!CustomerSegment.isKnown(segment)) {
                throw new InvalidInputException("segment", "unknown segment '" + segment + "'; known: " + CustomerSegment.known());
            }
            if (!CoreKpiProvider.supportedFilters(kpi).contains("segment")) {
                throw new InvalidInputException("segment", "segment filters are not supported for " + key);
            }
        }
        OffsetDateTime from = period.from().atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime to = period.to().atStartOfDay().atOffset(ZoneOffset.UTC);
        var rows = queries.page(scale, from, to, filters.phase().map(JourneyPhase::wire).orElse(null), filters.module().orElse(null),
                filters.segment().map(CustomerSegment::customerKind).orElse(null), after, limit + 1);
        return Page.of(rows, limit, row -> new Cursor(row.mean().toPlainString(), row.customerId())).map(row -> {
            var summary = directory.summary(row.customerId());
            return new KpiCustomerView(row.customerId(), summary.displayName(), summary.kind(), row.answers(), row.mean(), row.lastScore(),
                    row.lastAnsweredAt());
        });
    }
}
