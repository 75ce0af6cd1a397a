package dev.kreis.platform.kpi;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How far on the wrong side of its target a KPI value is "at risk" rather than "off track".
 *
 * <p>The band is relative by default, a percentage of the target's magnitude (5 % of an NRR target of
 * 100 is 5 points), which fits KPIs whose targets are far from zero. A relative band around a target
 * of 0 has no width, so KPIs whose targets sit at or near zero (NPS, peak-end) should use an absolute
 * band in the KPI's unit instead.
 *
 * @param kind  whether {@code width} is a percentage of the target or an amount in the KPI's unit
 * @param width the width, 0 or more
 */
public record AtRiskBand(Kind kind, BigDecimal width) {

    /** The default band: 5 % of the target. */
    public static final AtRiskBand DEFAULT = percentOfTarget(BigDecimal.valueOf(5));

    public AtRiskBand {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(width, "width");
        if (width.signum() < 0) {
            throw new IllegalArgumentException("an at-risk band cannot be negative: " + width.toPlainString());
        }
    }

    /** A band of {@code percent} % of the target's magnitude. */
    public static AtRiskBand percentOfTarget(BigDecimal percent) {
        return new AtRiskBand(Kind.PERCENT_OF_TARGET, percent);
    }

    /** A band of {@code amount} in the KPI's unit. */
    public static AtRiskBand absolute(BigDecimal amount) {
        return new AtRiskBand(Kind.ABSOLUTE, amount);
    }

    /** The band's width, in the KPI's unit, around {@code target}. */
    public BigDecimal widthAround(BigDecimal target) {
        return kind == Kind.ABSOLUTE ? width : target.abs().multiply(width).movePointLeft(2);
    }

    /** How the width is given. */
    public enum Kind {
        /** A percentage of the target's magnitude. */
        PERCENT_OF_TARGET,
        /** An amount in the KPI's unit. */
        ABSOLUTE
    }
}
