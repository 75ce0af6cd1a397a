package dev.kreis.platform.signal;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How and when signal rules are evaluated ({@code kreis.signals.*}). */
@ConfigMapping(prefix = "kreis.signals")
public interface SignalConfig {

    /**
     * Whether this node runs the signal worker (drains the outbox, runs the absence check). Every node may
     * run it; turn it off only on nodes that should not do background work (the tests drive it themselves).
     */
    @WithDefault("true")
    boolean workerEnabled();

    /** How long the worker waits between two rounds; a watched touchpoint is evaluated within about this long. */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** How many outbox entries one worker transaction evaluates at most. */
    @WithDefault("500")
    int batchSize();

    /**
     * Touchpoints that occurred longer than this before they were received (history loaded from another
     * system) are not evaluated, so importing a year of survey answers opens no tasks for old answers.
     */
    @WithDefault("P30D")
    Duration maxTouchpointAge();

    /** How often absence rules are checked, across all nodes together. */
    @WithDefault("PT1H")
    Duration absenceCheckInterval();
}
