package dev.kreis.platform.kpi;

import static dev.kreis.platform.kpi.RandomCases.decimal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RatioTest {

    @Test
    void aZeroDenominatorHasNoValueRatherThanZeroOrNaN() {
        assertEquals(Optional.empty(), Ratio.of(0, 0).value());
        assertEquals(Optional.empty(), Ratio.of(5, 0).percent());
        assertEquals(Optional.of(decimal("0.0000")), Ratio.of(0, 7).value());
    }

    @Test
    void valuesAreRoundedToFourPlacesHalfAwayFromZero() {
        assertEquals(Optional.of(decimal("0.0001")), Ratio.of(1, 20_000).value());
        assertEquals(Optional.of(decimal("-0.0001")), Ratio.of(-1, 20_000).value());
        assertEquals(Optional.of(decimal("0.0000")), Ratio.of(1, 20_001).value());
        assertEquals(Optional.of(decimal("0.6667")), Ratio.of(2, 3).value());
    }

    @Test
    void percentMultipliesBeforeItRounds() {
        assertEquals(Optional.of(decimal("0.0050")), Ratio.of(1, 20_000).percent());
        assertEquals(Optional.of(decimal("66.6667")), Ratio.of(2, 3).percent());
        assertEquals(Optional.of(decimal("250.0000")), new Ratio(decimal("2.5"), BigDecimal.ONE).percent());
    }
}
