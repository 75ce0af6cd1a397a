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

/**
 * The drill-down from a per-customer KPI's value to the customers behind it (GET /api/v1/kpis/{key}/customers):
 * score KPIs by their answers, revenue KPIs by the cohort paying at the period start, the repurchase rate by
 * the customers who ordered. {@code average_order_value} and {@code proactive_share} count orders and
 * touchpoints, not customers, and the peak-end score and the funnel have views of their own (negative peaks,
 * the funnel's steps), so those four have none.
 */
@ApplicationScoped
public class KpiCustomers {
    static final String WITHOUT = "'%s' has no per-customer drill-down; it is available for nps, csat, csat_mean, ces, ces_share_easy,"
            + " nrr, grr, churn_rate, retention_rate, clv and repurchase_rate";

    private final KpiCustomerQueries queries;
    private final CustomerDirectory directory;

    KpiCustomers(KpiCustomerQueries queries, CustomerDirectory directory) {
        this.queries = queries;
        this.directory = directory;
    }

    /** What a KPI's customers are listed by. */
    public enum Basis {
        /** Their scored answers (NPS, CSAT, CES): worst mean first. */
        ANSWERS,
        /** Their monthly recurring revenue at the period start and end (the revenue-retention cohort): largest loss first. */
        REVENUE,
        /** Their orders in the period: fewest first. */
        ORDERS;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One customer behind the KPI: who, and the figures the KPI counts for it. Only the group of {@code basis}
     * is filled, the others are null.
     */
    public record KpiCustomerView(
            @Schema(required = true, description = "The customer") UUID customerId,
            @Schema(required = true, nullable = true, description = "Its name, company or e-mail address; null when it has none") String displayName,
            @Schema(required = true, enumeration = { "person", "organisation" }) String kind,
            @Schema(required = true, enumeration = { "answers", "revenue", "orders" },
                    description = "Which figures are filled: answers (nps, csat, csat_mean, ces, ces_share_easy), revenue (nrr, grr,"
                            + " churn_rate, retention_rate, clv) or orders (repurchase_rate)") Basis basis,
            @Schema(required = true, nullable = true, description = "answers: its scored answers in the period") Long answers,
            @Schema(required = true, nullable = true, description = "answers: the mean of those scores (4 decimals)") BigDecimal meanScore,
            @Schema(required = true, nullable = true, description = "answers: the score of its latest answer in the period") BigDecimal lastScore,
            @Schema(required = true, nullable = true, format = "date-time", description = "answers: when it answered last in the period") OffsetDateTime lastAnsweredAt,
            @Schema(required = true, nullable = true, description = "revenue: its monthly recurring revenue after its last change before the period start (above 0: it is in the cohort)") BigDecimal startMrr,
            @Schema(required = true, nullable = true, description = "revenue: its monthly recurring revenue after its last change before the period end (0: lost)") BigDecimal endMrr,
            @Schema(required = true, nullable = true, enumeration = { "expanded", "contracted", "churned", "unchanged" },
                    description = "revenue: what the period did to its revenue") String outcome,
            @Schema(required = true, nullable = true, description = "orders: its orders in the period") Long orders,
            @Schema(required = true, nullable = true, description = "orders: the sum of their amounts (4 decimals)") BigDecimal orderRevenue) {

        static KpiCustomerView answers(UUID id, dev.kreis.platform.customer.CustomerSummary who, KpiCustomerQueries.CustomerScores row) {
            return new KpiCustomerView(id, who.displayName(), who.kind(), Basis.ANSWERS, row.answers(), row.mean(), row.lastScore(),
                    row.lastAnsweredAt(), null, null, null, null, null);
        }

        static KpiCustomerView revenue(UUID id, dev.kreis.platform.customer.CustomerSummary who, KpiCustomerQueries.CustomerMrr row) {
            int change = row.change().signum();
            String outcome = row.endMrr().signum() == 0 ? "churned" : change > 0 ? "expanded" : change < 0 ? "contracted" : "unchanged";
            return new KpiCustomerView(id, who.displayName(), who.kind(), Basis.REVENUE, null, null, null, null, row.startMrr(), row.endMrr(),
                    outcome, null, null);
        }

        static KpiCustomerView orders(UUID id, dev.kreis.platform.customer.CustomerSummary who, KpiCustomerQueries.CustomerOrders row) {
            return new KpiCustomerView(id, who.displayName(), who.kind(), Basis.ORDERS, null, null, null, null, null, null, null, row.orders(),
                    row.revenue());
        }
    }

    /** The document's name for a page of {@link KpiCustomerView}s (the answer is a {@link Page}). */
    @Schema(name = "KpiCustomerPage")
    public record KpiCustomerPage(
            @Schema(required = true, description = "The customers of this page, worst first: lowest mean, largest revenue loss or fewest orders") java.util.List<KpiCustomerView> items,
            @Schema(required = true, nullable = true, description = "The cursor of the next page; null on the last page") String nextCursor) {
    }

    /** What the customers of a KPI are listed by, if it has a per-customer drill-down. */
    static Optional<Basis> basisOf(String key) {
        return CoreKpi.fromKey(key).flatMap(kpi -> switch (kpi) {
            case NPS, CSAT, CSAT_MEAN, CES, CES_SHARE_EASY -> Optional.of(Basis.ANSWERS);
            case NRR, GRR, CHURN_RATE, RETENTION_RATE, CLV -> Optional.of(Basis.REVENUE);
            case REPURCHASE_RATE -> Optional.of(Basis.ORDERS);
            default -> Optional.empty();
        });
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
        Basis basis = basisOf(key).orElseThrow(() -> new InvalidInputException("key", WITHOUT.formatted(key)));
        CoreKpi kpi = CoreKpi.fromKey(key).orElseThrow();
        java.util.Set<String> supported = CoreKpiProvider.supportedFilters(kpi);
        if (filters.segment().isPresent()) {
            String segment = filters.segment().get();
            if (!CustomerSegment.isKnown(segment)) {
                throw new InvalidInputException("segment", "unknown segment '" + segment + "'; known: " + CustomerSegment.known());
            }
            if (!supported.contains("segment")) {
                throw new InvalidInputException("segment", "segment filters are not supported for " + key);
            }
        }
        if (filters.phase().isPresent() && !supported.contains("phase")) {
            throw new InvalidInputException("phase", "phase filters are not supported for " + key);
        }
        if (filters.module().isPresent() && !supported.contains("module")) {
            throw new InvalidInputException("module", "module filters are not supported for " + key);
        }
        OffsetDateTime from = period.from().atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime to = period.to().atStartOfDay().atOffset(ZoneOffset.UTC);
        String phase = filters.phase().map(JourneyPhase::wire).orElse(null);
        String module = filters.module().orElse(null);
        String customerKind = filters.segment().map(CustomerSegment::customerKind).orElse(null);
        return switch (basis) {
            case ANSWERS -> {
                ScoreScale scale = scaleOf(key).orElseThrow();
                var rows = queries.page(scale, from, to, phase, module, customerKind, after, limit + 1);
                yield Page.of(rows, limit, row -> new Cursor(row.mean().toPlainString(), row.customerId()))
                        .map(row -> KpiCustomerView.answers(row.customerId(), directory.summary(row.customerId()), row));
            }
            case REVENUE -> {
                var rows = queries.revenueCohort(from, to, customerKind, after, limit + 1);
                yield Page.of(rows, limit, row -> new Cursor(row.change().toPlainString(), row.customerId()))
                        .map(row -> KpiCustomerView.revenue(row.customerId(), directory.summary(row.customerId()), row));
            }
            case ORDERS -> {
                var rows = queries.orders(from, to, phase, module, customerKind, after, limit + 1);
                yield Page.of(rows, limit, row -> new Cursor(Long.toString(row.orders()), row.customerId()))
                        .map(row -> KpiCustomerView.orders(row.customerId(), directory.summary(row.customerId()), row));
            }
        };
    }
}
