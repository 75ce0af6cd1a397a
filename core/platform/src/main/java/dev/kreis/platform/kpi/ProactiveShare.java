package dev.kreis.platform.kpi;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

import dev.kreis.spi.kpi.KpiValue;
import dev.kreis.spi.touchpoint.Initiator;

/**
 * Proactive share: company-initiated service touchpoints ÷ all service touchpoints, in percent.
 * Which touchpoints are service touchpoints is the caller's selection (the engine's query).
 *
 * @param companyInitiated   service touchpoints the company started
 * @param serviceTouchpoints all service touchpoints
 */
public record ProactiveShare(long companyInitiated, long serviceTouchpoints) {

    public ProactiveShare {
        if (companyInitiated < 0 || companyInitiated > serviceTouchpoints) {
            throw new IllegalArgumentException("need 0 <= company-initiated <= all, got " + companyInitiated + " of "
                    + serviceTouchpoints);
        }
    }

    /** From the initiator of each service touchpoint. */
    public static ProactiveShare ofInitiators(Collection<Initiator> initiators) {
        long company = initiators.stream().map(initiator -> Objects.requireNonNull(initiator, "initiator"))
                .filter(initiator -> initiator == Initiator.COMPANY).count();
        return new ProactiveShare(company, initiators.size());
    }

    /** Proactive share in percent, 0..100; empty without service touchpoints. */
    public Optional<BigDecimal> value() {
        return Ratio.of(companyInitiated, serviceTouchpoints).percent();
    }

    /** The {@code proactive_share} KPI over the number of service touchpoints. */
    public KpiValue asKpiValue() {
        return KpiValue.of(value(), serviceTouchpoints);
    }

    /** Both sets of touchpoints together. */
    public ProactiveShare plus(ProactiveShare other) {
        return new ProactiveShare(companyInitiated + other.companyInitiated, serviceTouchpoints + other.serviceTouchpoints);
    }
}
