package dev.kreis.platform.signal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.api.NotFoundProblem;
import dev.kreis.platform.api.Page;
import dev.kreis.platform.signal.persistence.SignalRuleRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Signal rules: create, change, delete, and the in-memory copy of the enabled ones that ingestion and
 * evaluation read. The copy is reloaded after every change on this node and by the worker on every
 * round, so other nodes see a change within one poll interval.
 */
@Startup
@ApplicationScoped
public class SignalRules {
    private final SignalRuleRepository repository;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(List.of());

    SignalRules(SignalRuleRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The enabled rules at one moment, with what ingestion needs to decide quickly whether a type is watched. */
    record Snapshot(List<SignalRule> rules, Set<String> types, Set<String> areas) {
        Snapshot(List<SignalRule> rules) {
            this(rules, new HashSet<>(), new HashSet<>());
            for (SignalRule rule : rules) {
                if (rule.onArrival() && rule.trigger().isArea()) {
                    areas.add(rule.trigger().area());
                } else if (rule.onArrival()) {
                    types.add(rule.trigger().key());
                }
            }
        }
    }

    @PostConstruct
    public void reload() {
        snapshot = new Snapshot(repository.enabled());
    }

    public SignalRule create(RuleDraft draft) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        SignalRule rule = new SignalRule(UUID.randomUUID(), draft.name(), draft.enabled(), draft.trigger(), draft.condition(),
                draft.action(), now, now);
        QuarkusTransaction.requiringNew().run(() -> repository.insert(rule));
        reload();
        return rule;
    }

    public Page<SignalRule> list(Cursor before, int limit) {
        return Page.of(repository.page(before, limit + 1), limit, rule -> Cursor.after(rule.createdAt(), rule.id()));
    }

    public SignalRule get(UUID id) {
        return repository.find(id).orElseThrow(() -> new NotFoundProblem("signal rule", id));
    }

    public SignalRule replace(UUID id, RuleDraft draft) {
        SignalRule current = get(id);
        SignalRule changed = new SignalRule(id, draft.name(), draft.enabled(), draft.trigger(), draft.condition(), draft.action(),
                current.createdAt(), OffsetDateTime.now(clock));
        QuarkusTransaction.requiringNew().run(() -> repository.update(changed));
        reload();
        return changed;
    }

    /** Deletes a rule: it stops firing; the tasks and tags it made stay. */
    public void delete(UUID id) {
        if (!QuarkusTransaction.requiringNew().call(() -> repository.delete(id, OffsetDateTime.now(clock)))) {
            throw new NotFoundProblem("signal rule", id);
        }
        reload();
    }

    /** Enabled rules evaluated as touchpoints arrive. */
    public List<SignalRule> onArrival() {
        return snapshot.rules().stream().filter(SignalRule::onArrival).toList();
    }

    /** Enabled rules with an absence condition. */
    public List<SignalRule> absence() {
        return snapshot.rules().stream().filter(rule -> !rule.onArrival()).toList();
    }

    /** Whether some enabled rule evaluated on arrival watches touchpoints of this type. */
    public boolean watches(String type, String module) {
        Snapshot current = snapshot;
        if (current.types().contains(type) || current.areas().contains(module)) {
            return true;
        }
        int dot = type.indexOf('.');
        return dot > 0 && current.areas().contains(type.substring(0, dot));
    }
}
