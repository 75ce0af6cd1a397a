package dev.kreis.platform.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * A validated {@code PUT /api/v1/kpis/{key}/target} body.
 *
 * @param from first day the target applies to; empty for "since always"
 * @param to   first day it no longer applies to; empty for "from then on"
 */
public record TargetDraft(BigDecimal value, Optional<LocalDate> from, Optional<LocalDate> to, Set<String> owners, boolean shared,
        AtRiskBand band) {
}
