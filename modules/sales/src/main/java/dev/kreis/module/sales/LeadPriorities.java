package dev.kreis.module.sales;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import dev.kreis.spi.touchpoint.TouchpointReader;

/** Computes lead priorities at read time from the web visits the platform recorded. Thread-safe. */
final class LeadPriorities {
    /** The touchpoint type the marketing module records for a web visit. */
    static final String WEB_VISIT = "marketing.web_visit";

    private final TouchpointReader reader;
    private final PriorityRule rule;

    LeadPriorities(TouchpointReader reader, PriorityRule rule) {
        this.reader = reader;
        this.rule = rule;
    }

    /** The priority of a lead whose customer is {@code customerId} (null when it has none), as of {@code now}. */
    PriorityRule.Priority of(UUID customerId, Instant now) {
        if (customerId == null) {
            return PriorityRule.withoutCustomer();
        }
        Instant from = now.minus(Duration.ofDays(rule.windowDays()));
        return rule.apply(reader.count(customerId, Set.of(WEB_VISIT), from, now.plusNanos(1)));
    }
}
