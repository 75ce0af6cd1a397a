package dev.kreis.app;

import java.util.List;
import java.util.Optional;

import dev.kreis.spi.touchpoint.Channel;
import dev.kreis.spi.touchpoint.Initiator;
import dev.kreis.spi.touchpoint.JourneyPhase;
import dev.kreis.spi.touchpoint.TouchpointTypeDefinition;
import dev.kreis.spi.touchpoint.TouchpointTypeProvider;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The touchpoint types the CX pyramid's level 1 counts by default, which the marketing module (issue 5)
 * will contribute; until then only the scorecard tests send them. Level 2's types
 * ({@link #RESOLVED}, {@link #WITHIN_SLA}) come from the support module.
 */
@ApplicationScoped
public class ScorecardTestTypes implements TouchpointTypeProvider {
    static final String DELIVERED = "marketing.email_delivered";
    static final String OPENED = "marketing.email_opened";
    static final String CLICKED = "marketing.email_clicked";
    static final String RESOLVED = "support.ticket_resolved";
    static final String WITHIN_SLA = "support.ticket_resolved_within_sla";

    @Override
    public List<TouchpointTypeDefinition> touchpointTypes() {
        return List.of(
                new TouchpointTypeDefinition(DELIVERED, "marketing", Channel.EMAIL, JourneyPhase.AWARENESS, Initiator.COMPANY, Optional.empty(),
                        "A marketing e-mail was delivered (scorecard tests)."),
                new TouchpointTypeDefinition(OPENED, "marketing", Channel.EMAIL, JourneyPhase.AWARENESS, Initiator.CUSTOMER, Optional.empty(),
                        "A marketing e-mail was opened (scorecard tests)."),
                new TouchpointTypeDefinition(CLICKED, "marketing", Channel.EMAIL, JourneyPhase.INTEREST, Initiator.CUSTOMER, Optional.empty(),
                        "A link in a marketing e-mail was clicked (scorecard tests)."));
    }
}
