package dev.kreis.platform.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.kreis.platform.privacy.ConsentDecision.Status;

class ConsentStateTest {

    private static ConsentDecision decision(String channel, Status status, String at) {
        return new ConsentDecision("marketing", channel, status, OffsetDateTime.parse(at), "crm");
    }

    @Test
    void noDecisionMeansNoContact() {
        assertFalse(ConsentState.of(List.of()).mayContact("marketing", "email"));
        assertFalse(ConsentState.of(List.of()).mayContact("marketing", "any"));
    }

    @Test
    void theNewestDecisionOfAllProfilesPrevails() {
        ConsentState state = ConsentState.of(List.of(decision("email", Status.GRANTED, "2025-01-01T00:00:00Z"),
                decision("email", Status.WITHDRAWN, "2025-02-01T00:00:00Z"), decision("email", Status.GRANTED, "2024-01-01T00:00:00Z")));

        assertEquals(Status.WITHDRAWN, state.decision("marketing", "email").orElseThrow().status());
        assertFalse(state.mayContact("marketing", "email"));
    }

    @Test
    void atTheSameTimeAWithdrawalPrevails() {
        ConsentState state = ConsentState.of(List.of(decision("email", Status.WITHDRAWN, "2025-01-01T00:00:00Z"),
                decision("email", Status.GRANTED, "2025-01-01T00:00:00Z")));

        assertFalse(state.mayContact("marketing", "email"));
    }

    @Test
    void anAnyGrantCoversEveryChannelWithoutAWithdrawalOfItsOwn() {
        ConsentState state = ConsentState.of(List.of(decision("any", Status.GRANTED, "2025-01-01T00:00:00Z"),
                decision("sms", Status.WITHDRAWN, "2024-01-01T00:00:00Z")));

        assertTrue(state.mayContact("marketing", "email"));
        assertTrue(state.mayContact("marketing", "any"));
        assertFalse(state.mayContact("marketing", "sms"), "even an older channel withdrawal wins over an any grant");
    }

    @Test
    void anAnyWithdrawalClosesEveryChannelUntilALaterChannelGrant() {
        ConsentState state = ConsentState.of(List.of(decision("any", Status.WITHDRAWN, "2025-02-01T00:00:00Z"),
                decision("email", Status.GRANTED, "2025-01-01T00:00:00Z"), decision("sms", Status.GRANTED, "2025-03-01T00:00:00Z")));

        assertFalse(state.mayContact("marketing", "email"), "granted before the any withdrawal");
        assertTrue(state.mayContact("marketing", "sms"), "granted after it");
        assertFalse(state.mayContact("marketing", "web"));
        assertFalse(state.mayContact("marketing", "any"));
    }

    @Test
    void aChannelGrantAtTheSameTimeAsAnAnyWithdrawalStaysClosed() {
        ConsentState state = ConsentState.of(List.of(decision("any", Status.WITHDRAWN, "2025-02-01T00:00:00Z"),
                decision("email", Status.GRANTED, "2025-02-01T00:00:00Z")));

        assertFalse(state.mayContact("marketing", "email"));
    }

    @Test
    void purposesAreSeparate() {
        ConsentState state = ConsentState.of(List.of(decision("any", Status.GRANTED, "2025-01-01T00:00:00Z")));

        assertFalse(state.mayContact("analytics", "email"));
    }

    @Test
    void malformedQuestionsAreRefused() {
        ConsentState state = ConsentState.of(List.of());

        assertThrows(IllegalArgumentException.class, () -> state.mayContact("Marketing", "email"));
        assertThrows(IllegalArgumentException.class, () -> state.mayContact("marketing", "fax"));
        assertThrows(IllegalArgumentException.class, () -> state.mayContact(null, "email"));
    }
}
