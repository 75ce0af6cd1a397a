package dev.kreis.platform.kpi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.kreis.spi.kpi.KpiValue;
import dev.kreis.spi.touchpoint.JourneyPhase;

/**
 * The journey funnel of a period: how many customers reached each phase, and the share of those who
 * reached phase n that went on to reach phase n + 1.
 *
 * <p><b>Reaching a phase.</b> A customer reached phase n when their furthest phase in the period is n
 * or later: a customer at a later phase has passed the earlier ones, even with no touchpoint there
 * (someone who buys on their first visit reached awareness, interest, consideration and intent too).
 * So the counts never grow from one phase to the next and every conversion is 0..100 %.
 *
 * @param reached customers who reached each phase (a phase left out counts 0); counts never grow along the journey
 */
public record Funnel(Map<JourneyPhase, Long> reached) {

    private static final JourneyPhase[] PHASES = JourneyPhase.values();

    public Funnel {
        EnumMap<JourneyPhase, Long> counts = new EnumMap<>(JourneyPhase.class);
        long previous = Long.MAX_VALUE;
        for (JourneyPhase phase : PHASES) {
            long count = Objects.requireNonNullElse(reached.get(phase), 0L);
            if (count < 0 || count > previous) {
                throw new IllegalArgumentException("reached counts must be 0 or more and never grow along the journey: "
                        + phase.wire() + " has " + count + " after " + previous);
            }
            counts.put(phase, count);
            previous = count;
        }
        reached = Collections.unmodifiableMap(counts);
    }

    /** The funnel of customers given by each one's furthest phase in the period. */
    public static Funnel ofFurthestPhases(Collection<JourneyPhase> furthestPhasePerCustomer) {
        long[] atLeast = new long[PHASES.length];
        for (JourneyPhase furthest : furthestPhasePerCustomer) {
            for (int phase = 0; phase <= furthest.ordinal(); phase++) {
                atLeast[phase]++;
            }
        }
        EnumMap<JourneyPhase, Long> reached = new EnumMap<>(JourneyPhase.class);
        for (JourneyPhase phase : PHASES) {
            reached.put(phase, atLeast[phase.ordinal()]);
        }
        return new Funnel(reached);
    }

    /**
     * The funnel from how many customers have each phase as their furthest, indexed by phase ordinal:
     * a phase is reached by those whose furthest phase is it or a later one.
     */
    public static Funnel ofFurthestPhaseCounts(long[] furthestAt) {
        if (furthestAt.length != PHASES.length) {
            throw new IllegalArgumentException("need a count for each of the " + PHASES.length + " phases, got " + furthestAt.length);
        }
        EnumMap<JourneyPhase, Long> reached = new EnumMap<>(JourneyPhase.class);
        long cumulative = 0;
        for (int phase = PHASES.length - 1; phase >= 0; phase--) {
            cumulative += furthestAt[phase];
            reached.put(PHASES[phase], cumulative);
        }
        return new Funnel(reached);
    }

    /** Customers who reached {@code phase}. */
    public long reached(JourneyPhase phase) {
        return reached.get(phase);
    }

    /** Of the customers who reached {@code from}, the percentage who reached {@code to}; empty when none reached {@code from}. */
    public Optional<BigDecimal> conversion(JourneyPhase from, JourneyPhase to) {
        if (to.compareTo(from) <= 0) {
            throw new IllegalArgumentException("conversion runs forward: " + from.wire() + " to " + to.wire());
        }
        return Ratio.of(reached(to), reached(from)).percent();
    }

    /** Conversion from {@code phase} to the next one, as a KPI over the customers who reached {@code phase}. */
    public KpiValue conversionKpi(JourneyPhase phase) {
        return conversionKpi(phase, next(phase));
    }

    /** Conversion from {@code from} to {@code to}, as a KPI over the customers who reached {@code from}. */
    public KpiValue conversionKpi(JourneyPhase from, JourneyPhase to) {
        return KpiValue.of(conversion(from, to), reached(from));
    }

    /** One step per pair of neighbouring phases, awareness → interest first. */
    public List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i + 1 < PHASES.length; i++) {
            JourneyPhase from = PHASES[i];
            JourneyPhase to = PHASES[i + 1];
            steps.add(new Step(from, to, reached(from), reached(to), conversion(from, to)));
        }
        return List.copyOf(steps);
    }

    /** Both funnels together (disjoint customers, same period). */
    public Funnel plus(Funnel other) {
        EnumMap<JourneyPhase, Long> sum = new EnumMap<>(reached);
        other.reached.forEach((phase, count) -> sum.merge(phase, count, Long::sum));
        return new Funnel(sum);
    }

    private static JourneyPhase next(JourneyPhase phase) {
        if (phase.ordinal() + 1 == PHASES.length) {
            throw new IllegalArgumentException(phase.wire() + " is the last phase; it converts to nothing");
        }
        return PHASES[phase.ordinal() + 1];
    }

    /**
     * One step of the funnel.
     *
     * @param from       the phase customers reached
     * @param to         the next phase
     * @param entered    customers who reached {@code from}
     * @param converted  customers who reached {@code to}
     * @param conversion converted ÷ entered in percent; empty when nobody reached {@code from}
     */
    public record Step(JourneyPhase from, JourneyPhase to, long entered, long converted, Optional<BigDecimal> conversion) {
    }
}
