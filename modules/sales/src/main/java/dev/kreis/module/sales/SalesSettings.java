package dev.kreis.module.sales;

import java.util.Map;

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

    /** Applies validated settings; throws IllegalArgumentException (rolling the admin's action back) if they contradict. */
    void apply(Map<String, String> config) {
        priority = PriorityRule.of(config);
    }
}
