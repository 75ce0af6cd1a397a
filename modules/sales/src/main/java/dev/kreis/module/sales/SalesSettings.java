package dev.kreis.module.sales;

import java.util.Map;

import dev.kreis.spi.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The module's current settings, as the platform last handed them to a lifecycle hook (install, enable,
 * configure). Until a hook ran in this process the defaults apply. Thread-safe.
 */
@ApplicationScoped
class SalesSettings {
    private volatile PriorityRule priority = PriorityRule.DEFAULT;

    PriorityRule priority() {
        return priority;
    }

    /**
     * Applies settings the platform validated against the schema; throws a 422 naming {@code highVisits} (so the
     * admin's action is rolled back) when it is not above {@code mediumVisits}.
     */
    void apply(Map<String, String> config) {
        try {
            priority = PriorityRule.of(config);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("highVisits", e.getMessage());
        }
    }
}
