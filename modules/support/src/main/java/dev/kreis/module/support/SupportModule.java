package dev.kreis.module.support;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.kreis.spi.customer.CustomerHolds;
import dev.kreis.spi.kpi.KpiComputation;
import dev.kreis.spi.kpi.KpiDefinition;
import dev.kreis.spi.module.DataPolicy;
import dev.kreis.spi.module.KreisModule;
import dev.kreis.spi.module.ModuleContext;
import dev.kreis.spi.module.PurgeCount;
import dev.kreis.spi.module.ModuleDescriptor;
import dev.kreis.spi.module.ModulePermission;
import dev.kreis.spi.touchpoint.Channel;
import dev.kreis.spi.touchpoint.CxPyramidLevel;
import dev.kreis.spi.touchpoint.Initiator;
import dev.kreis.spi.touchpoint.JourneyPhase;
import dev.kreis.spi.touchpoint.TouchpointTypeDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The support module: tickets with status history and customer contacts, SLA policies per priority with breach
 * detection, campaign holds for open high-priority tickets, CSAT and CES invitations on resolution, and the
 * support KPIs. See docs/modules/support.md.
 */
@ApplicationScoped
public class SupportModule implements KreisModule {
    static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
            Tickets.MODULE,
            "Support",
            "1.0.0",
            ">=0.1.0 <1.0.0",
            "support",
            "Tickets with status history and customer contacts, SLA policies with breach detection, campaign holds while a "
                    + "high-priority ticket is open, CSAT and CES invitations on resolution, and the support KPIs.",
            Optional.of("sup_"),
            List.of(
                    new TouchpointTypeDefinition(Tickets.OPENED, Tickets.MODULE, Channel.EMAIL, JourneyPhase.RETENTION, Initiator.CUSTOMER,
                            Optional.empty(), "A support ticket was opened (initiator company for a proactive ticket)."),
                    new TouchpointTypeDefinition(Tickets.RESOLVED, Tickets.MODULE, Channel.EMAIL, JourneyPhase.RETENTION, Initiator.COMPANY,
                            Optional.empty(), "A support ticket was resolved.").atPyramidLevel(CxPyramidLevel.ACCOUNTABILITY),
                    new TouchpointTypeDefinition(Tickets.RESOLVED_WITHIN_SLA, Tickets.MODULE, Channel.EMAIL, JourneyPhase.RETENTION,
                            Initiator.COMPANY, Optional.empty(), "A support ticket was resolved within its SLA resolution target.")
                            .atPyramidLevel(CxPyramidLevel.ACCOUNTABILITY),
                    new TouchpointTypeDefinition(Tickets.SLA_BREACHED, Tickets.MODULE, Channel.EMAIL, JourneyPhase.RETENTION, Initiator.COMPANY,
                            Optional.empty(), "A support ticket missed its first-response or resolution target (payload.target).")
                            .atPyramidLevel(CxPyramidLevel.ACCOUNTABILITY)),
            SupportKpis.ALL,
            List.of(
                    new ModulePermission(TicketResource.READ, Set.of("admin", "cx-manager", "marketing", "sales", "support", "viewer"),
                            "Read tickets, their history and the SLA policies."),
                    new ModulePermission(TicketResource.WRITE, Set.of("admin", "support", "integration"),
                            "Open and work tickets, set SLA policies.")),
            List.of(),
            List.of());

    private final SupportStore store;
    private final Tickets tickets;
    private final CustomerHolds holds;
    private final SupportKpis kpis;

    SupportModule(SupportStore store, Tickets tickets, CustomerHolds holds, SupportKpis kpis) {
        this.store = store;
        this.tickets = tickets;
        this.holds = holds;
        this.kpis = kpis;
    }

    @Override
    public ModuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public KpiComputation computation(KpiDefinition definition) {
        return kpis.computation(definition);
    }

    /** Enabled (also right after install): customers of active high-priority tickets are held out of campaigns again. */
    @Override
    public void onEnable(ModuleContext context) {
        tickets.placeAllHolds();
    }

    /** Disabled: its tickets are out of sight, so their holds are lifted (placed again on enable). */
    @Override
    public void onDisable(ModuleContext context) {
        holds.liftAll(Tickets.MODULE);
    }

    @Override
    public List<PurgeCount> purgeCounts(ModuleContext context) {
        return store.purgeCounts();
    }

    @Override
    public void onUninstall(ModuleContext context, DataPolicy data) {
        holds.liftAll(Tickets.MODULE);
        if (data == DataPolicy.PURGE) {
            store.purge(Tickets.now());
        }
    }
}
