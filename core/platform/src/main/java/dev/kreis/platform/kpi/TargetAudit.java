package dev.kreis.platform.kpi;

import java.util.Optional;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where a target change is audited: the one call site for the audit log, which does not exist on the
 * platform yet. Until it does, changes go to the {@code dev.kreis.audit} log category; when
 * {@code dev.kreis.platform.audit.AuditLog} lands, this method calls
 * {@code record(actor, "kpi.target.set", "kpi", key, before, after)} instead.
 */
@ApplicationScoped
public class TargetAudit {
    private static final Logger AUDIT = Logger.getLogger("dev.kreis.audit");

    /** Records that {@code actor} set a target, replacing {@code before} if one was stored for the same period. */
    public void targetSet(String actor, Optional<StoredTarget> before, StoredTarget after) {
        AUDIT.infof("kpi.target.set by %s on kpi %s: %s -> %s", actor, after.kpiKey(), before.map(Object::toString).orElse("none"), after);
    }
}
