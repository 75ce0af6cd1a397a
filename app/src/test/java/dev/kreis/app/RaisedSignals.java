package dev.kreis.app;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.kreis.spi.signal.SignalRaised;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** A module's view of signals in the tests: every {@link SignalRaised} event, as an observer receives it. */
@ApplicationScoped
public class RaisedSignals {
    private final List<SignalRaised> seen = new CopyOnWriteArrayList<>();

    void on(@Observes SignalRaised signal) {
        seen.add(signal);
    }

    public List<SignalRaised> about(UUID customerId) {
        return seen.stream().filter(s -> s.customerId().equals(customerId)).toList();
    }
}
