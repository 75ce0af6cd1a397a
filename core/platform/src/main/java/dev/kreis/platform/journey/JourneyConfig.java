package dev.kreis.platform.journey;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the journey endpoints ({@code kreis.journeys.*}). */
@ConfigMapping(prefix = "kreis.journeys")
public interface JourneyConfig {

    /**
     * The most scored touchpoints one customer's journey reads for its peak-end score: the newest ones
     * in the window. Phases are aggregated in the database and are not capped. Keeps a customer with an
     * enormous timeline from holding the server.
     */
    @WithDefault("10000")
    int maxScoredTouchpoints();
}
