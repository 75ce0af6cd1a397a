package dev.kreis.platform.signal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;

import dev.kreis.platform.signal.persistence.SignalStateRepository;
import dev.kreis.spi.signal.SignalRaised;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

/**
 * Evaluates rules: the outbox of arrived touchpoints (score and count conditions) and the absence check.
 * Each batch is one transaction — claim, act, remove from the outbox, commit — and its
 * {@link SignalRaised} events are fired only after the commit. Safe to call on several nodes at once:
 * outbox entries are claimed with {@code for update skip locked}, absence episodes are recorded once.
 */
@ApplicationScoped
public class SignalEvaluation {
    private static final Logger LOG = Logger.getLogger(SignalEvaluation.class);

    private final SignalRules rules;
    private final SignalStateRepository state;
    private final SignalActions actions;
    private final SignalConfig config;
    private final Event<SignalRaised> raised;
    private final Clock clock;

    SignalEvaluation(SignalRules rules, SignalStateRepository state, SignalActions actions, SignalConfig config,
            Event<SignalRaised> raised, Clock clock) {
        this.rules = rules;
        this.state = state;
        this.actions = actions;
        this.config = config;
        this.raised = raised;
        this.clock = clock;
    }

    /** Evaluates outbox entries until none are left that another worker does not hold; answers how many. */
    public int drain() {
        int total = 0;
        while (true) {
            List<SignalRaised> events = new ArrayList<>();
            List<UUID> claimed = new ArrayList<>();
            int evaluated;
            try {
                evaluated = QuarkusTransaction.requiringNew().call(() -> evaluateBatch(claimed, events));
            } catch (RuntimeException e) {
                LOG.warnf(e, "Evaluating %d arrived touchpoints together failed; evaluating them one by one", claimed.size());
                events.clear();
                evaluated = claimed.size();
                claimed.forEach(id -> evaluateAlone(id, events));
            }
            fire(events);
            total += evaluated;
            if (evaluated < config.batchSize()) {
                return total;
            }
        }
    }

    private int evaluateBatch(List<UUID> claimed, List<SignalRaised> events) {
        claimed.addAll(state.claim(config.batchSize()));
        if (claimed.isEmpty()) {
            return 0;
        }
        evaluate(state.facts(claimed), OffsetDateTime.now(clock), events);
        state.remove(claimed);
        return claimed.size();
    }

    /**
     * One touchpoint of a batch that failed: evaluated on its own, so one bad entry cannot hold up the
     * outbox. If it fails alone too, it is logged and dropped: its signal is lost, the others are not.
     */
    private void evaluateAlone(UUID touchpointId, List<SignalRaised> events) {
        List<SignalRaised> own = new ArrayList<>();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (state.claimOne(touchpointId)) {
                    evaluate(state.facts(List.of(touchpointId)), OffsetDateTime.now(clock), own);
                    state.remove(List.of(touchpointId));
                }
            });
            events.addAll(own);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Signal rules could not be evaluated for touchpoint %s; it is skipped", touchpointId);
            QuarkusTransaction.requiringNew().run(() -> state.remove(List.of(touchpointId)));
        }
    }

    /** Rules evaluated on arrival against these touchpoints: one window query per count rule, none per item. */
    void evaluate(List<TouchpointFact> arrived, OffsetDateTime now, List<SignalRaised> events) {
        List<TouchpointFact> fresh = arrived.stream()
                .filter(fact -> !fact.occurredAt().isBefore(fact.receivedAt().minus(config.maxTouchpointAge())))
                .sorted(Comparator.comparing(TouchpointFact::occurredAt).thenComparing(TouchpointFact::id))
                .toList();
        for (SignalRule rule : rules.onArrival()) {
            List<TouchpointFact> matching = fresh.stream().filter(f -> rule.trigger().matches(f.type(), f.module())).toList();
            if (matching.isEmpty()) {
                continue;
            }
            List<TouchpointFact> fired = rule.condition() instanceof Condition.ScoreRange range
                    ? matching.stream().filter(f -> range.holds(f.score())).toList()
                    : countWithin(rule.trigger(), (Condition.CountWithin) rule.condition(), matching);
            onePerCustomerUnlessEvents(rule, fired).forEach(fact -> actions.act(rule, fact, now, events));
        }
    }

    /**
     * A task or tag is made once per customer whatever the number of matches, so only a customer's first
     * match in the batch needs the write; every match raises its own event.
     */
    private static List<TouchpointFact> onePerCustomerUnlessEvents(SignalRule rule, List<TouchpointFact> fired) {
        if (rule.action() instanceof Action.RaiseEvent) {
            return fired;
        }
        Set<UUID> customers = new HashSet<>();
        return fired.stream().filter(fact -> customers.add(fact.customerId())).toList();
    }

    private List<TouchpointFact> countWithin(TriggerPattern trigger, Condition.CountWithin condition, List<TouchpointFact> matching) {
        List<UUID> customers = matching.stream().map(TouchpointFact::customerId).distinct().toList();
        OffsetDateTime after = matching.get(0).occurredAt().minus(condition.window());
        OffsetDateTime until = matching.get(matching.size() - 1).occurredAt();
        Map<UUID, List<OffsetDateTime>> times = new HashMap<>();
        for (SignalStateRepository.Occurrence occurrence : state.occurrences(trigger, customers, after, until)) {
            times.computeIfAbsent(occurrence.customerId(), id -> new ArrayList<>()).add(occurrence.occurredAt());
        }
        return matching.stream().filter(fact -> {
            OffsetDateTime from = fact.occurredAt().minus(condition.window());
            long count = times.getOrDefault(fact.customerId(), List.of()).stream()
                    .filter(t -> t.isAfter(from) && !t.isAfter(fact.occurredAt())).count();
            return count >= condition.count();
        }).toList();
    }

    /**
     * Checks every absence rule now: a customer whose last touchpoint matching the trigger is between one
     * and two periods old raises the rule once for that touchpoint. Answers how many signals it raised.
     */
    public int checkAbsence() {
        List<SignalRaised> events = new ArrayList<>();
        int signalled = QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            int count = 0;
            for (SignalRule rule : rules.absence()) {
                Condition.Absence absence = (Condition.Absence) rule.condition();
                OffsetDateTime to = now.minus(absence.period());
                Set<UUID> seen = new HashSet<>();
                for (TouchpointFact last : state.silentSince(rule.id(), rule.trigger(), to.minus(absence.period()), to)) {
                    if (seen.add(last.customerId()) && state.markAbsenceFired(rule.id(), last.customerId(), last.id(), now)) {
                        actions.act(rule, last, now, events);
                        count++;
                    }
                }
            }
            return count;
        });
        fire(events);
        return signalled;
    }

    private void fire(List<SignalRaised> events) {
        for (SignalRaised event : events) {
            try {
                raised.fire(event);
            } catch (RuntimeException e) {
                LOG.errorf(e, "An observer of signal %s (rule %s, customer %s) failed", event.name(), event.rule(), event.customerId());
            }
        }
    }
}
