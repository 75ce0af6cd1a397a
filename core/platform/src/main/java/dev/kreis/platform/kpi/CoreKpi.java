package dev.kreis.platform.kpi;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import dev.kreis.spi.kpi.Direction;
import dev.kreis.spi.kpi.KpiDefinition;
import dev.kreis.spi.kpi.KpiUnit;

/**
 * The KPIs the platform itself defines, computed by the calculators of this package. Owners are the
 * defaults an installation starts with; people change them with the KPI's target. docs/kpis.md
 * documents each one, and a test keeps that page and this list in step.
 */
public enum CoreKpi {
    NPS("nps", "Net Promoter Score", KpiUnit.SCORE, Direction.HIGHER_IS_BETTER, Set.of("product"), false,
            "100 × (promoters 9–10 − detractors 0–6) ÷ answers to the 0–10 recommendation question, −100..100."),
    CSAT("csat", "Customer satisfaction", KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER, Set.of("support"), false,
            "Share of 1–5 satisfaction answers that are 4 or 5 (top-two-box)."),
    CSAT_MEAN("csat_mean", "Mean satisfaction", KpiUnit.SCORE, Direction.HIGHER_IS_BETTER, Set.of("support"), false,
            "Mean of the 1–5 satisfaction answers."),
    CES("ces", "Customer effort score", KpiUnit.SCORE, Direction.HIGHER_IS_BETTER, Set.of("support"), false,
            "Mean of the 1–7 effort answers, 7 = very easy."),
    CES_SHARE_EASY("ces_share_easy", "Share of easy experiences", KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER,
            Set.of("support"), false, "Share of 1–7 effort answers that are 5, 6 or 7."),
    NRR("nrr", "Net revenue retention", KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER, Set.of("sales", "support"), true,
            "End MRR ÷ start MRR of the customers paying at the period start."),
    GRR("grr", "Gross revenue retention", KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER, Set.of("sales", "support"), true,
            "Σ min(end, start) MRR ÷ start MRR of the customers paying at the period start; never above 100."),
    CHURN_RATE("churn_rate", "Customer churn rate", KpiUnit.PERCENT, Direction.LOWER_IS_BETTER, Set.of("sales", "support"), true,
            "Customers lost ÷ customers at the period start."),
    RETENTION_RATE("retention_rate", "Customer retention rate", KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER,
            Set.of("sales", "support"), true, "(Customers at the end − new customers) ÷ customers at the period start."),
    CLV("clv", "Customer lifetime value", KpiUnit.MONEY, Direction.HIGHER_IS_BETTER, Set.of("marketing", "sales"), true,
            "Average revenue per account × gross margin ÷ churn rate, per period."),
    REPURCHASE_RATE("repurchase_rate", "Repurchase rate", KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER,
            Set.of("marketing", "sales"), true, "Customers with two or more orders ÷ customers with at least one."),
    AVERAGE_ORDER_VALUE("average_order_value", "Average order value", KpiUnit.MONEY, Direction.HIGHER_IS_BETTER,
            Set.of("sales"), false, "Order revenue ÷ orders."),
    PROACTIVE_SHARE("proactive_share", "Proactive share", KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER, Set.of("support"), false,
            "Company-initiated service touchpoints ÷ all service touchpoints."),
    PEAK_END_SCORE("peak_end_score", "Peak-end score", KpiUnit.SCORE, Direction.HIGHER_IS_BETTER,
            Set.of("marketing", "sales", "support"), true,
            "Mean over customers of (peak + end) ÷ 2 of their normalised scores, −1..1."),
    FUNNEL("funnel", "Funnel conversion", KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER, Set.of("marketing", "sales"), true,
            "Customers who reached purchase ÷ customers who reached awareness; the funnel view lists every step.");

    private final KpiDefinition definition;

    CoreKpi(String key, String name, KpiUnit unit, Direction direction, Set<String> owners, boolean shared, String description) {
        this.definition = new KpiDefinition(key, name, unit, direction, owners, shared, description);
    }

    /** The core KPI with this key. */
    public static Optional<CoreKpi> fromKey(String key) {
        return Arrays.stream(values()).filter(kpi -> kpi.definition.key().equals(key)).findFirst();
    }

    /** The definition the registry serves. */
    public KpiDefinition definition() {
        return definition;
    }
}
