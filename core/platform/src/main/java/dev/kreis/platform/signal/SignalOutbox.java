package dev.kreis.platform.signal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import dev.kreis.platform.signal.persistence.SignalStateRepository;
import dev.kreis.platform.touchpoint.IngestListener;
import dev.kreis.platform.touchpoint.persistence.StoredTouchpoint;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Records accepted touchpoints that a rule watches in the outbox, in the ingest's own transaction: what
 * commits is evaluated, what rolls back never was. Touchpoints no rule watches cost nothing here.
 */
@ApplicationScoped
public class SignalOutbox implements IngestListener {
    private final SignalRules rules;
    private final SignalStateRepository state;
    private final Clock clock;

    SignalOutbox(SignalRules rules, SignalStateRepository state, Clock clock) {
        this.rules = rules;
        this.state = state;
        this.clock = clock;
    }

    @Override
    public boolean follows(String type, String module) {
        return rules.watches(type, module);
    }

    @Override
    public boolean raisesSignals() {
        return true;
    }

    @Override
    public void accepted(List<StoredTouchpoint> touchpoints) {
        state.enqueue(touchpoints.stream().map(t -> new SignalStateRepository.Queued(t.id(), t.occurredAt())).toList(),
                OffsetDateTime.now(clock));
    }
}
