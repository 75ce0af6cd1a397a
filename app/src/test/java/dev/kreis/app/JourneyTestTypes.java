package dev.kreis.app;

import java.util.List;
import java.util.Optional;

import dev.kreis.spi.touchpoint.Channel;
import dev.kreis.spi.touchpoint.Initiator;
import dev.kreis.spi.touchpoint.JourneyPhase;
import dev.kreis.spi.touchpoint.ScoreScale;
import dev.kreis.spi.touchpoint.TouchpointTypeDefinition;
import dev.kreis.spi.touchpoint.TouchpointTypeProvider;
import jakarta.enterprise.context.ApplicationScoped;

/** A touchpoint type scored on the sentiment scale, which no bundled type uses yet, for the journey tests. */
@ApplicationScoped
public class JourneyTestTypes implements TouchpointTypeProvider {
    static final String SENTIMENT = "journeytest.chat_sentiment";

    @Override
    public List<TouchpointTypeDefinition> touchpointTypes() {
        return List.of(new TouchpointTypeDefinition(SENTIMENT, "journeytest", Channel.CHAT, JourneyPhase.RETENTION, Initiator.CUSTOMER,
                Optional.of(ScoreScale.SENTIMENT), "Sentiment of a chat, -1 to 1 (test only)."));
    }
}
