package dev.kreis.platform.signal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.kreis.platform.signal.persistence.FollowUpTaskRepository;
import dev.kreis.platform.signal.persistence.SignalStateRepository;
import dev.kreis.spi.signal.SignalRaised;
import jakarta.enterprise.context.ApplicationScoped;

/** Carries out a fired rule's action inside the evaluating transaction; events are collected to be fired after it commits. */
@ApplicationScoped
public class SignalActions {
    private final FollowUpTaskRepository tasks;
    private final SignalStateRepository state;

    SignalActions(FollowUpTaskRepository tasks, SignalStateRepository state) {
        this.tasks = tasks;
        this.state = state;
    }

    void act(SignalRule rule, TouchpointFact fact, OffsetDateTime now, List<SignalRaised> events) {
        Action action = rule.action();
        if (action instanceof Action.OpenTask task) {
            tasks.openIfNone(new FollowUpTask(UUID.randomUUID(), rule.id(), fact.customerId(), fact.id(), task.department(), task.title(),
                    task.priority(), TaskStatus.OPEN, null, null, null, null, now, now, null, null, null));
        } else if (action instanceof Action.TagCustomer tag) {
            state.tag(fact.customerId(), tag.tag(), rule.id(), fact.id(), now);
        } else if (action instanceof Action.RaiseEvent event) {
            events.add(new SignalRaised(rule.id(), fact.customerId(), fact.id(), event.name(), now.toInstant()));
        }
    }
}
