package dev.kreis.platform.touchpoint;

import java.util.List;
import java.util.Optional;

import dev.kreis.spi.touchpoint.Channel;
import dev.kreis.spi.touchpoint.CxPyramidLevel;
import dev.kreis.spi.touchpoint.Initiator;
import dev.kreis.spi.touchpoint.JourneyPhase;
import dev.kreis.spi.touchpoint.ScoreScale;
import dev.kreis.spi.touchpoint.TouchpointTypeDefinition;
import dev.kreis.spi.touchpoint.TouchpointTypeProvider;
import jakarta.enterprise.context.ApplicationScoped;

/** The touchpoint types the platform itself owns: the generic interaction, survey answers and revenue events. */
@ApplicationScoped
public class CoreTouchpointTypes implements TouchpointTypeProvider {
    public static final String OWNER = "core";

    @Override
    public List<TouchpointTypeDefinition> touchpointTypes() {
        return List.of(
                new TouchpointTypeDefinition("core.interaction", OWNER, Channel.OTHER, JourneyPhase.AWARENESS, Initiator.CUSTOMER,
                        Optional.empty(), "Any interaction a source reports; send phase and channel where known."),
                new TouchpointTypeDefinition("feedback.nps", OWNER, Channel.EMAIL, JourneyPhase.ADVOCACY, Initiator.CUSTOMER,
                        Optional.of(ScoreScale.NPS), "Answer to 'How likely are you to recommend us?' (0-10).")
                        .atPyramidLevel(CxPyramidLevel.ENHANCEMENT),
                new TouchpointTypeDefinition("feedback.csat", OWNER, Channel.EMAIL, JourneyPhase.RETENTION, Initiator.CUSTOMER,
                        Optional.of(ScoreScale.CSAT), "Customer satisfaction answer (1-5).")
                        .atPyramidLevel(CxPyramidLevel.ENGAGEMENT),
                new TouchpointTypeDefinition("feedback.ces", OWNER, Channel.EMAIL, JourneyPhase.RETENTION, Initiator.CUSTOMER,
                        Optional.of(ScoreScale.CES), "Customer effort answer (1-7, 7 = very easy).")
                        .atPyramidLevel(CxPyramidLevel.ENGAGEMENT),
                new TouchpointTypeDefinition(RevenueTypes.STARTED, OWNER, Channel.OTHER, JourneyPhase.PURCHASE, Initiator.CUSTOMER,
                        Optional.empty(), "A subscription started; amount is the customer's monthly recurring revenue after it."),
                new TouchpointTypeDefinition(RevenueTypes.CHANGED, OWNER, Channel.OTHER, JourneyPhase.RETENTION, Initiator.CUSTOMER,
                        Optional.empty(), "A subscription changed (up- or downgrade); amount is the monthly recurring revenue after it."),
                new TouchpointTypeDefinition(RevenueTypes.CANCELLED, OWNER, Channel.OTHER, JourneyPhase.RETENTION, Initiator.CUSTOMER,
                        Optional.empty(), "A subscription was cancelled; amount is 0, the monthly recurring revenue after it."),
                new TouchpointTypeDefinition(RevenueTypes.ORDER, OWNER, Channel.OTHER, JourneyPhase.PURCHASE, Initiator.CUSTOMER,
                        Optional.empty(), "An order; amount is the order value."));
    }
}
