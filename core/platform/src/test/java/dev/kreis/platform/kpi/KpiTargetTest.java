package dev.kreis.platform.kpi;

import static dev.kreis.platform.kpi.RandomCases.decimal;
import static dev.kreis.platform.kpi.TargetStatus.AT_RISK;
import static dev.kreis.platform.kpi.TargetStatus.OFF_TRACK;
import static dev.kreis.platform.kpi.TargetStatus.ON_TRACK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.kreis.spi.kpi.Direction;

class KpiTargetTest {
    private final KpiTarget csatTarget = KpiTarget.of(decimal("80"), Direction.HIGHER_IS_BETTER);
    private final KpiTarget churnTarget = KpiTarget.of(decimal("5"), Direction.LOWER_IS_BETTER);

    @Test
    void meetingOrBeatingATargetIsOnTrack() {
        assertEquals(ON_TRACK, csatTarget.statusOf(decimal("80.0000")));
        assertEquals(ON_TRACK, csatTarget.statusOf(decimal("91")));
        assertEquals(ON_TRACK, churnTarget.statusOf(decimal("5")));
        assertEquals(ON_TRACK, churnTarget.statusOf(decimal("1.5")));
    }

    @Test
    void missingByUpToFivePercentOfTheTargetIsAtRiskByDefault() {
        assertEquals(AT_RISK, csatTarget.statusOf(decimal("79.9999")));
        assertEquals(AT_RISK, csatTarget.statusOf(decimal("76")));
        assertEquals(AT_RISK, churnTarget.statusOf(decimal("5.25")));
    }

    @Test
    void missingByMoreThanTheBandIsOffTrack() {
        assertEquals(OFF_TRACK, csatTarget.statusOf(decimal("75.9999")));
        assertEquals(OFF_TRACK, churnTarget.statusOf(decimal("5.2501")));
    }

    @Test
    void theBandIsConfigurable() {
        KpiTarget wide = new KpiTarget(decimal("80"), Direction.HIGHER_IS_BETTER, AtRiskBand.percentOfTarget(decimal("10")));
        assertEquals(AT_RISK, wide.statusOf(decimal("72")));
        assertEquals(OFF_TRACK, wide.statusOf(decimal("71.9")));
        KpiTarget strict = new KpiTarget(decimal("80"), Direction.HIGHER_IS_BETTER, AtRiskBand.percentOfTarget(decimal("0")));
        assertEquals(OFF_TRACK, strict.statusOf(decimal("79.9999")));
    }

    @Test
    void aTargetOfZeroNeedsAnAbsoluteBand() {
        KpiTarget relative = KpiTarget.of(decimal("0"), Direction.HIGHER_IS_BETTER);
        assertEquals(OFF_TRACK, relative.statusOf(decimal("-0.5")));
        KpiTarget absolute = new KpiTarget(decimal("0"), Direction.HIGHER_IS_BETTER, AtRiskBand.absolute(decimal("5")));
        assertEquals(AT_RISK, absolute.statusOf(decimal("-5")));
        assertEquals(OFF_TRACK, absolute.statusOf(decimal("-5.0001")));
    }

    @Test
    void aNegativeTargetMeasuresItsBandFromItsMagnitude() {
        KpiTarget nps = KpiTarget.of(decimal("-20"), Direction.HIGHER_IS_BETTER);
        assertEquals(ON_TRACK, nps.statusOf(decimal("-20")));
        assertEquals(AT_RISK, nps.statusOf(decimal("-21")));
        assertEquals(OFF_TRACK, nps.statusOf(decimal("-21.5")));
    }

    @Test
    void noDataGetsNoStatus() {
        assertEquals(Optional.empty(), csatTarget.statusOf(Optional.empty()));
        assertEquals(Optional.of(ON_TRACK), csatTarget.statusOf(Optional.of(decimal("85"))));
    }

    @Test
    void statusesTravelAsHyphenatedLowerCase() {
        assertEquals("on-track", ON_TRACK.wire());
        assertEquals("at-risk", AT_RISK.wire());
        assertEquals("off-track", OFF_TRACK.wire());
    }

    @Test
    void statusAgreesWithMeasuringTheGapInTheGoodDirection() {
        RandomCases.check(81, random -> {
            BigDecimal target = BigDecimal.valueOf(random.nextInt(20_001) - 10_000, 2);
            BigDecimal actual = target.add(BigDecimal.valueOf(random.nextInt(2_001) - 1_000, 2));
            Direction direction = random.nextBoolean() ? Direction.HIGHER_IS_BETTER : Direction.LOWER_IS_BETTER;
            int percent = random.nextInt(21);
            double gap = (actual.doubleValue() - target.doubleValue()) * (direction == Direction.HIGHER_IS_BETTER ? 1 : -1);
            double band = Math.abs(target.doubleValue()) * percent / 100.0;
            TargetStatus expected = gap >= 0 ? ON_TRACK : gap >= -band - 1e-9 ? AT_RISK : OFF_TRACK;
            KpiTarget kpiTarget = new KpiTarget(target, direction, AtRiskBand.percentOfTarget(BigDecimal.valueOf(percent)));
            assertEquals(expected, kpiTarget.statusOf(actual), actual + " against " + target + " " + direction + " band " + percent + " %");
        });
    }

    @Test
    void aNegativeBandIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> AtRiskBand.absolute(decimal("-1")));
    }
}
