package dev.kreis.platform.signal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.kreis.platform.signal.persistence.SignalStateRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How often a rule, as drafted, would have fired over a past period: score and count rules replayed over
 * the touchpoints that arrived then (as on arrival, touchpoints that were already stale when they arrived
 * are left out), absence rules over the moments a customer's silence reached the period. Reads only; it
 * makes no task, tag or event.
 */
@ApplicationScoped
public class SignalBacktest {
    /** The period a backtest looks back over. */
    public static final Duration PERIOD = Duration.ofDays(30);

    private final SignalStateRepository state;
    private final SignalConfig config;
    private final Clock clock;

    SignalBacktest(SignalStateRepository state, SignalConfig config, Clock clock) {
        this.state = state;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The outcome: {@code firings} is how often the condition held; {@code customers} how many different
     * customers that was (a task or tag is made once per customer, an event raised per firing).
     */
    public record Result(OffsetDateTime from, OffsetDateTime to, long firings, long customers) {
    }

    public Result run(TriggerPattern trigger, Condition condition) {
        OffsetDateTime to = OffsetDateTime.now(clock);
        OffsetDateTime from = to.minus(PERIOD);
        Duration lookBack = condition instanceof Condition.CountWithin count ? count.window()
                : condition instanceof Condition.Absence absence ? absence.period() : Duration.ZERO;
        Map<UUID, List<TouchpointFact>> byCustomer = new LinkedHashMap<>();
        for (TouchpointFact fact : state.matching(trigger, from.minus(lookBack), to)) {
            byCustomer.computeIfAbsent(fact.customerId(), id -> new ArrayList<>()).add(fact);
        }
        long firings = 0;
        Set<UUID> customers = new HashSet<>();
        for (Map.Entry<UUID, List<TouchpointFact>> entry : byCustomer.entrySet()) {
            long fired;
            if (condition instanceof Condition.ScoreRange range) {
                fired = entry.getValue().stream().filter(f -> inPeriod(f, from) && fresh(f) && range.holds(f.score())).count();
            } else if (condition instanceof Condition.CountWithin count) {
                fired = countWithin(entry.getValue(), count, from);
            } else {
                fired = absence(entry.getValue(), ((Condition.Absence) condition).period(), from, to);
            }
            if (fired > 0) {
                firings += fired;
                customers.add(entry.getKey());
            }
        }
        return new Result(from, to, firings, customers.size());
    }

    private boolean fresh(TouchpointFact fact) {
        return !fact.occurredAt().isBefore(fact.receivedAt().minus(config.maxTouchpointAge()));
    }

    private static boolean inPeriod(TouchpointFact fact, OffsetDateTime from) {
        return fact.occurredAt().isAfter(from);
    }

    /** Times a customer's touchpoint of the period brought its count within the window to the threshold or above. */
    private long countWithin(List<TouchpointFact> facts, Condition.CountWithin condition, OffsetDateTime from) {
        long fired = 0;
        for (TouchpointFact fact : facts) {
            if (!inPeriod(fact, from) || !fresh(fact)) {
                continue;
            }
            OffsetDateTime after = fact.occurredAt().minus(condition.window());
            long count = facts.stream().filter(other -> other.occurredAt().isAfter(after) && !other.occurredAt().isAfter(fact.occurredAt())).count();
            if (count >= condition.count()) {
                fired++;
            }
        }
        return fired;
    }

    /** Silences of a customer that reached the period inside the backtest period (its facts are in time order). */
    private static long absence(List<TouchpointFact> facts, Duration period, OffsetDateTime from, OffsetDateTime to) {
        long fired = 0;
        for (int i = 0; i < facts.size(); i++) {
            OffsetDateTime silentAt = facts.get(i).occurredAt().plus(period);
            boolean broken = i + 1 < facts.size() && !facts.get(i + 1).occurredAt().isAfter(silentAt);
            if (!broken && silentAt.isAfter(from) && !silentAt.isAfter(to)) {
                fired++;
            }
        }
        return fired;
    }
}
