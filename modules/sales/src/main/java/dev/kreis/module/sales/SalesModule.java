package dev.kreis.module.sales;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.kreis.spi.kpi.Direction;
import dev.kreis.spi.kpi.KpiComputation;
import dev.kreis.spi.kpi.KpiDefinition;
import dev.kreis.spi.kpi.KpiUnit;
import dev.kreis.spi.module.ConfigProperty;
import dev.kreis.spi.module.DataPolicy;
import dev.kreis.spi.module.KreisModule;
import dev.kreis.spi.module.ModuleContext;
import dev.kreis.spi.module.PurgeCount;
import dev.kreis.spi.module.ModuleDescriptor;
import dev.kreis.spi.module.ModulePermission;
import dev.kreis.spi.touchpoint.Channel;
import dev.kreis.spi.touchpoint.Initiator;
import dev.kreis.spi.touchpoint.JourneyPhase;
import dev.kreis.spi.touchpoint.TouchpointTypeDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The sales module: leads, deals, orders and subscriptions; see docs/modules/sales.md. */
@ApplicationScoped
public class SalesModule implements KreisModule {
    static final String ID = "sales";
    static final String READ = "sales:read";
    static final String WRITE = "sales:write";

    static final String LEAD_CREATED = "sales.lead_created";
    static final String DEAL_CREATED = "sales.deal_created";
    static final String DEAL_WON = "sales.deal_won";
    static final String DEAL_LOST = "sales.deal_lost";

    static final KpiDefinition WIN_RATE = new KpiDefinition("sales.win_rate", "Win rate", KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER,
            Set.of("sales"), false, "100 × won ÷ (won + lost) of the deals closed in the period.");
    static final KpiDefinition PIPELINE_VALUE = new KpiDefinition("sales.pipeline_value", "Pipeline value", KpiUnit.MONEY,
            Direction.HIGHER_IS_BETTER, Set.of("sales"), false,
            "Sum of the amounts of the deals open at the end of the period: opened before it ends and not closed by then.");
    static final KpiDefinition AVERAGE_SALES_CYCLE = new KpiDefinition("sales.average_sales_cycle", "Average sales cycle (days)",
            KpiUnit.NUMBER, Direction.LOWER_IS_BETTER, Set.of("sales"), false,
            "Mean number of days from opening to winning, of the deals won in the period.");
    static final KpiDefinition AVERAGE_ORDER_VALUE = new KpiDefinition("sales.average_order_value", "Average order value (sales orders)",
            KpiUnit.MONEY, Direction.HIGHER_IS_BETTER, Set.of("sales"), false, "Mean amount of the orders placed in the period.");

    private static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(ID, "Sales", "1.0.0", ">=0.1.0 <1.0.0", "sales",
            "Leads prioritised by recent web visits, deals through pipeline stages, orders and subscriptions that feed the core "
                    + "revenue touchpoints (NRR, GRR, churn, CLV), and the sales KPIs.",
            Optional.of("sal_"),
            List.of(new TouchpointTypeDefinition(LEAD_CREATED, ID, Channel.OTHER, JourneyPhase.AWARENESS, Initiator.CUSTOMER, Optional.empty(),
                    "A sales lead was recorded for the customer."),
                    new TouchpointTypeDefinition(DEAL_CREATED, ID, Channel.OTHER, JourneyPhase.CONSIDERATION, Initiator.COMPANY, Optional.empty(),
                            "A sales deal was opened with the customer."),
                    new TouchpointTypeDefinition(DEAL_WON, ID, Channel.OTHER, JourneyPhase.PURCHASE, Initiator.CUSTOMER, Optional.empty(),
                            "A sales deal with the customer was won."),
                    new TouchpointTypeDefinition(DEAL_LOST, ID, Channel.OTHER, JourneyPhase.CONSIDERATION, Initiator.CUSTOMER, Optional.empty(),
                            "A sales deal with the customer was lost.")),
            List.of(WIN_RATE, PIPELINE_VALUE, AVERAGE_SALES_CYCLE, AVERAGE_ORDER_VALUE),
            List.of(new ModulePermission(READ, Set.of("admin", "cx-manager", "marketing", "sales", "support", "viewer"),
                    "Read leads, deals, orders and subscriptions."),
                    new ModulePermission(WRITE, Set.of("admin", "sales", "integration"),
                            "Create and change leads, deals, orders and subscriptions.")),
            List.of(ConfigProperty.integer("priorityWindowDays", 14, 1, 365, "How many days back web visits count towards a lead's priority."),
                    ConfigProperty.integer("mediumVisits", 3, 1, 10_000, "Web visits in the window from which a lead has medium priority."),
                    ConfigProperty.integer("highVisits", 6, 2, 10_000,
                            "Web visits in the window from which a lead has high priority; must be above mediumVisits.")),
            List.of());

    @Inject
    SalesSettings settings;

    @Inject
    SalesDb db;

    @Inject
    SalesKpis kpis;

    @Override
    public ModuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public KpiComputation computation(KpiDefinition definition) {
        return kpis.computation(definition);
    }

    @Override
    public void onInstall(ModuleContext context) {
        settings.apply(context.config());
    }

    @Override
    public void onEnable(ModuleContext context) {
        settings.apply(context.config());
    }

    @Override
    public void onConfigure(ModuleContext context) {
        settings.apply(context.config());
    }

    @Override
    public void onUpgrade(ModuleContext context) {
        settings.apply(context.config());
    }

    /** The module's tables a purge empties, by the kind the purge preview names them. */
    private static final java.util.Map<String, String> PURGED = new java.util.LinkedHashMap<>();
    static {
        PURGED.put("leads", "sal_lead");
        PURGED.put("deals", "sal_deal");
        PURGED.put("deal-stage-changes", "sal_deal_stage");
        PURGED.put("orders", "sal_order");
        PURGED.put("subscriptions", "sal_subscription");
        PURGED.put("subscription-events", "sal_subscription_event");
    }

    @Override
    public List<PurgeCount> purgeCounts(ModuleContext context) {
        return PURGED.entrySet().stream()
                .map(e -> new PurgeCount(e.getKey(), db.one("select count(*) as n from " + e.getValue()).orElseThrow().number("n"))).toList();
    }

    @Override
    public void onUninstall(ModuleContext context, DataPolicy data) {
        if (data == DataPolicy.PURGE) {
            db.update("delete from sal_deal_stage");
            db.update("delete from sal_deal");
            db.update("delete from sal_subscription_event");
            db.update("delete from sal_subscription");
            db.update("delete from sal_order");
            db.update("delete from sal_lead");
        }
    }
}
