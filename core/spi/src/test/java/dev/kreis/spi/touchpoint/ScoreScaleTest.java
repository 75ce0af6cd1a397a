package dev.kreis.spi.touchpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ScoreScaleTest {

    @Test
    void npsAcceptsWholeNumbersFromZeroToTen() {
        assertTrue(ScoreScale.NPS.accepts(BigDecimal.ZERO));
        assertTrue(ScoreScale.NPS.accepts(new BigDecimal("10.0")));
        assertFalse(ScoreScale.NPS.accepts(new BigDecimal("11")));
        assertFalse(ScoreScale.NPS.accepts(new BigDecimal("-1")));
        assertFalse(ScoreScale.NPS.accepts(new BigDecimal("8.5")));
    }

    @Test
    void csatAndCesHaveTheirOwnRanges() {
        assertFalse(ScoreScale.CSAT.accepts(BigDecimal.ZERO));
        assertTrue(ScoreScale.CSAT.accepts(BigDecimal.valueOf(5)));
        assertFalse(ScoreScale.CSAT.accepts(BigDecimal.valueOf(6)));
        assertTrue(ScoreScale.CES.accepts(BigDecimal.valueOf(7)));
        assertFalse(ScoreScale.CES.accepts(BigDecimal.valueOf(8)));
    }

    @Test
    void sentimentAcceptsFractionsBetweenMinusOneAndOne() {
        assertTrue(ScoreScale.SENTIMENT.accepts(new BigDecimal("-0.35")));
        assertFalse(ScoreScale.SENTIMENT.accepts(new BigDecimal("1.01")));
    }

    @Test
    void enumsTravelUnderTheirLowerCaseNames() {
        assertEquals("email", Channel.EMAIL.wire());
        assertEquals(Optional.of(JourneyPhase.PURCHASE), JourneyPhase.fromWire("purchase"));
        assertEquals(Optional.empty(), Initiator.fromWire("COMPANY"));
    }

    @Test
    void journeyPhasesKeepTheirOrder() {
        assertTrue(JourneyPhase.AWARENESS.compareTo(JourneyPhase.ADVOCACY) < 0);
        assertTrue(JourneyPhase.INTENT.compareTo(JourneyPhase.PURCHASE) < 0);
    }

    @Test
    void aTypeKeyMustBeLowerCaseAreaDotName() {
        assertThrows(IllegalArgumentException.class, () -> new TouchpointTypeDefinition("Support.Ticket", "support", Channel.EMAIL,
                JourneyPhase.RETENTION, Initiator.CUSTOMER, Optional.empty(), "x"));
        assertEquals("support.ticket_resolved", new TouchpointTypeDefinition("support.ticket_resolved", "support", Channel.EMAIL,
                JourneyPhase.RETENTION, Initiator.CUSTOMER, Optional.empty(), "x").key());
    }
}
