package dev.kreis.platform.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TriggerPatternTest {

    @Test
    void aTypeMatchesExactlyThatType() {
        TriggerPattern nps = new TriggerPattern("feedback.nps");

        assertTrue(nps.matches("feedback.nps", "core"));
        assertFalse(nps.matches("feedback.npsx", "core"));
        assertFalse(nps.matches("feedback.csat", "core"));
    }

    @Test
    void anAreaMatchesTheModulesTypesAndTypesNamedAfterIt() {
        TriggerPattern support = new TriggerPattern("support.*");

        assertTrue(support.matches("support.ticket_opened", "core"), "a type whose key starts with support.");
        assertTrue(support.matches("helpdesk.call", "support"), "a type the support module owns");
        assertFalse(support.matches("supportive.call", "core"));
        assertFalse(support.matches("feedback.ces", "core"));
    }

    @Test
    void onlyLowerCaseAreasEndingInDotStarArePatterns() {
        assertTrue(TriggerPattern.isAreaPattern("support.*"));
        assertTrue(TriggerPattern.isAreaPattern("web-shop.*"));
        assertFalse(TriggerPattern.isAreaPattern("support"));
        assertFalse(TriggerPattern.isAreaPattern("*"));
        assertFalse(TriggerPattern.isAreaPattern("Support.*"));
        assertFalse(TriggerPattern.isAreaPattern("support.ticket.*"));
    }

    @Test
    void theSqlConditionSaysWhatMatchesSays() {
        List<Object> params = new ArrayList<>();

        assertEquals("(t.module = ? or t.type like ?)", new TriggerPattern("support.*").sql("t", params));
        assertEquals(List.of("support", "support.%"), params);
        params.clear();
        assertEquals("t.type = ?", new TriggerPattern("feedback.nps").sql("t", params));
        assertEquals(List.of("feedback.nps"), params);
    }
}
