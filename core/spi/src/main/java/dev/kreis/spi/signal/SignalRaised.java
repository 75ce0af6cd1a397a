package dev.kreis.spi.signal;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A signal rule with the action {@code event} fired for a customer.
 *
 * <p>When fired: after the platform has committed the evaluation that raised it, on a platform worker
 * thread (never on the thread that ingested the touchpoint). Observe it with
 * {@code void on(@Observes SignalRaised signal)}. Observers are called synchronously, one after
 * another, on that worker thread: keep them short or hand the work on. An observer that throws is
 * logged; observers after it may miss that one event, later events are delivered as usual. Delivery is
 * at most once: a node that stops between committing and firing loses the event, so an observer that
 * must not miss a customer should also read the customer's record.
 *
 * <p>Stability: stable. Immutable and thread-safe.
 *
 * @param rule         the id of the signal rule that fired
 * @param customerId   the customer the signal is about (the cluster the touchpoint belonged to when the
 *                     rule was evaluated)
 * @param touchpointId the touchpoint that triggered the rule: the arriving touchpoint, or for an
 *                     absence rule the customer's last touchpoint of the watched type
 * @param name         the event name configured on the rule, e.g. {@code churn_risk}; lower case letters,
 *                     digits, {@code _}, {@code -} and {@code .}
 * @param at           when the rule fired
 */
public record SignalRaised(UUID rule, UUID customerId, UUID touchpointId, String name, Instant at) {

    /**
     * Checks that every component is present.
     *
     * @throws NullPointerException if any component is {@code null}
     */
    public SignalRaised {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(touchpointId, "touchpointId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(at, "at");
    }
}
