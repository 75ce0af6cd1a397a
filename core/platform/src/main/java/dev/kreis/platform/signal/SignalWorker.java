package dev.kreis.platform.signal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import dev.kreis.platform.signal.persistence.SignalStateRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The background side of signals on every node: each poll interval it reloads the rules, drains the
 * outbox and, when the shared lease says the absence check is due, runs it. Nodes coordinate through the
 * database only (skip-locked outbox claims, a lease row), never through memory.
 */
@ApplicationScoped
public class SignalWorker {
    static final String ABSENCE_LEASE = "signals.absence-check";
    private static final Logger LOG = Logger.getLogger(SignalWorker.class);

    private final SignalRules rules;
    private final SignalEvaluation evaluation;
    private final SignalStateRepository state;
    private final SignalConfig config;
    private final Clock clock;
    private final String node = "node-" + UUID.randomUUID();
    private ScheduledExecutorService executor;

    SignalWorker(SignalRules rules, SignalEvaluation evaluation, SignalStateRepository state, SignalConfig config, Clock clock) {
        this.rules = rules;
        this.evaluation = evaluation;
        this.state = state;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        if (!config.workerEnabled()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kreis-signal-worker");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::round, interval, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** One round; failures are logged and the next round tries again (the outbox keeps what was not evaluated). */
    public void round() {
        try {
            rules.reload();
            evaluation.drain();
            checkAbsenceIfDue();
        } catch (RuntimeException e) {
            LOG.error("Signal worker round failed; retrying next round", e);
        }
    }

    /** Runs the absence check if no node has run it within the check interval; answers whether this node ran it. */
    public boolean checkAbsenceIfDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!state.acquireLease(ABSENCE_LEASE, node, now, now.plus(config.absenceCheckInterval()))) {
            return false;
        }
        evaluation.checkAbsence();
        return true;
    }
}
