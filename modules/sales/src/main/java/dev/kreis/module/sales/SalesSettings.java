package dev.kreis.module.sales;

import java.util.Map;

import dev.kreis.spi.api.ProblemException;
import dev.kreis.spi.module.ModuleConfigurations;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The module's current settings, read from the platform ({@link ModuleConfigurations}) when a request needs
 * them, so every node and every restart uses what the admin set. Thread-safe.
 */
@ApplicationScoped
class SalesSettings {
    private final ModuleConfigurations configurations;

    SalesSettings(ModuleConfigurations configurations) {
        this.configurations = configurations;
    }

    /** The lead priority rule as configured now (the defaults if the stored settings contradict each other). */
    PriorityRule priority() {
        try {
            return PriorityRule.of(configurations.of(SalesModule.ID));
        } catch (IllegalArgumentException e) {
            return PriorityRule.DEFAULT;
        }
    }

    /**
     * Checks settings the platform validated against the schema; throws a 422 naming {@code highVisits} (so the
     * admin's action is rolled back) when it is not above {@code mediumVisits}.
     */
    void apply(Map<String, String> config) {
        try {
            PriorityRule.of(config);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("highVisits", e.getMessage());
        }
    }
}
