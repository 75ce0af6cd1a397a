package dev.kreis.platform.customer;

import java.util.List;
import java.util.Objects;

/** The policy for one attribute: a strategy and, for {@link SurvivorshipStrategy#SOURCE_PRIORITY}, the sources in order. */
public record SurvivorshipPolicy(SurvivorshipStrategy strategy, List<String> sources) {

    public SurvivorshipPolicy {
        Objects.requireNonNull(strategy, "strategy");
        sources = sources == null ? List.of() : List.copyOf(sources);
        if (strategy == SurvivorshipStrategy.SOURCE_PRIORITY && sources.isEmpty()) {
            throw new IllegalArgumentException("source_priority needs at least one source");
        }
    }

    public static SurvivorshipPolicy of(SurvivorshipStrategy strategy) {
        return new SurvivorshipPolicy(strategy, List.of());
    }
}
