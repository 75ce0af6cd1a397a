package dev.kreis.module.marketing;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.kreis.spi.kpi.KpiAggregations;
import dev.kreis.spi.kpi.KpiComputation;
import dev.kreis.spi.kpi.KpiDefinition;
import dev.kreis.spi.kpi.KpiQuery;
import dev.kreis.spi.kpi.KpiValue;
import dev.kreis.spi.kpi.UnsupportedKpiFilterException;
import dev.kreis.spi.module.ConfigProperty;
import dev.kreis.spi.module.DataPolicy;
import dev.kreis.spi.module.KreisModule;
import dev.kreis.spi.module.ModuleContext;
import dev.kreis.spi.module.PurgeCount;
import dev.kreis.spi.module.ModuleDescriptor;
import dev.kreis.spi.module.ModulePermission;
import dev.kreis.spi.touchpoint.TouchpointReader;
import jakarta.enterprise.context.ApplicationScoped;

/** The marketing module: campaigns, e-mail events, web visits and form submissions. See docs/modules/marketing.md. */
@ApplicationScoped
public class MarketingModule implements KreisModule {
    private static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
            MarketingTypes.MODULE,
            "Marketing",
            "1.0.0",
            ">=0.1.0 <1.0.0",
            "marketing",
            "Campaigns with consent-checked audiences, e-mail events, web visits and form submissions as touchpoints; "
                    + "customers held by support are kept out of campaigns.",
            Optional.of("mkt_"),
            MarketingTypes.touchpointTypes(),
            MarketingTypes.kpis(),
            List.of(new ModulePermission("marketing:read", Set.of("admin", "cx-manager", "marketing", "sales", "support", "viewer"),
                    "Read campaigns and their members"),
                    new ModulePermission("marketing:write", Set.of("admin", "marketing", "integration"),
                            "Create and change campaigns, record e-mail events, web visits and form submissions")),
            List.of(ConfigProperty.integer(Conversion.WINDOW_SETTING, Conversion.DEFAULT_WINDOW_DAYS, 1, 365,
                    "Days after a customer's first campaign e-mail within which an order counts as a conversion")),
            List.of());

    private final MarketingStore store;
    private final KpiAggregations aggregations;
    private final TouchpointReader touchpoints;

    MarketingModule(MarketingStore store, KpiAggregations aggregations, TouchpointReader touchpoints) {
        this.store = store;
        this.aggregations = aggregations;
        this.touchpoints = touchpoints;
    }

    @Override
    public ModuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public KpiComputation computation(KpiDefinition definition) {
        return switch (definition.key()) {
            case MarketingTypes.KPI_OPEN_RATE -> query -> aggregations.ratio(query, Set.of(MarketingTypes.EMAIL_OPENED),
                    Set.of(MarketingTypes.EMAIL_DELIVERED));
            case MarketingTypes.KPI_CLICK_RATE -> query -> aggregations.ratio(query, Set.of(MarketingTypes.EMAIL_CLICKED),
                    Set.of(MarketingTypes.EMAIL_DELIVERED));
            case MarketingTypes.KPI_WEB_VISITS -> query -> aggregations.count(query, Set.of(MarketingTypes.WEB_VISIT));
            case MarketingTypes.KPI_CONVERSION -> this::conversion;
            default -> KreisModule.super.computation(definition);
        };
    }

    /** {@link MarketingTypes#KPI_CONVERSION}: computed from the module's sends and the customers' order touchpoints; takes no filter. */
    KpiValue conversion(KpiQuery query) {
        query.phase().ifPresent(phase -> {
            throw new UnsupportedKpiFilterException(MarketingTypes.KPI_CONVERSION, "phase");
        });
        query.module().ifPresent(module -> {
            throw new UnsupportedKpiFilterException(MarketingTypes.KPI_CONVERSION, "module");
        });
        query.segment().ifPresent(segment -> {
            throw new UnsupportedKpiFilterException(MarketingTypes.KPI_CONVERSION, "segment");
        });
        int days = Conversion.windowDays(store.setting(Conversion.WINDOW_SETTING).orElse(null));
        return Conversion.of(store.firstSends(query.period().from(), query.period().to()),
                send -> touchpoints.count(send.customerId(), Set.of(MarketingTypes.REVENUE_ORDER), send.sentAt(),
                        send.sentAt().plus(Conversion.window(days))) > 0);
    }

    @Override
    public void onInstall(ModuleContext context) {
        remember(context);
    }

    @Override
    public void onEnable(ModuleContext context) {
        remember(context);
    }

    @Override
    public void onConfigure(ModuleContext context) {
        remember(context);
    }

    @Override
    public void onUpgrade(ModuleContext context) {
        remember(context);
    }

    @Override
    public List<PurgeCount> purgeCounts(ModuleContext context) {
        return store.purgeCounts();
    }

    @Override
    public void onUninstall(ModuleContext context, DataPolicy data) {
        if (data == DataPolicy.PURGE) {
            store.purge();
        }
    }

    /** Keeps the settings in the module's table, where KPI computations on any node read them. */
    private void remember(ModuleContext context) {
        String days = context.config().get(Conversion.WINDOW_SETTING);
        store.putSetting(Conversion.WINDOW_SETTING, days == null ? Integer.toString(Conversion.DEFAULT_WINDOW_DAYS) : days);
    }
}
