package dev.kreis.platform.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

import dev.kreis.platform.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;

/** Audits target changes: action {@code kpi.target.set}, target type {@code kpi}, the KPI's key as target id. */
@ApplicationScoped
public class TargetAudit {
    static final String ACTION = "kpi.target.set";

    private final AuditLog log;

    TargetAudit(AuditLog log) {
        this.log = log;
    }

    /** What an audit entry shows of a target. */
    record State(BigDecimal value, LocalDate from, LocalDate to, List<String> owners, boolean shared, String atRiskKind,
            BigDecimal atRiskWidth) {

        static State of(StoredTarget target) {
            return new State(target.value(), target.from().orElse(null), target.to().orElse(null),
                    List.copyOf(new TreeSet<>(target.owners())), target.shared(), target.band().kind().name().toLowerCase(Locale.ROOT),
                    target.band().width());
        }
    }

    /** Records, in the caller's transaction, that {@code actor} set a target, replacing {@code before} of the same period if any. */
    public void targetSet(String actor, Optional<StoredTarget> before, StoredTarget after) {
        log.record(actor, ACTION, "kpi", after.kpiKey(), before.map(State::of).orElse(null), State.of(after));
    }
}
