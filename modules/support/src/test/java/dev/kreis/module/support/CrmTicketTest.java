package dev.kreis.module.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.spi.connector.CrmActivity;
import dev.kreis.spi.touchpoint.Channel;

class CrmTicketTest {
    private static final Instant MODIFIED = Instant.parse("2026-03-10T12:00:00Z");

    private static CrmActivity ticket(String status, Map<String, String> attributes) {
        return new CrmActivity("salesforce", "Case", CrmActivity.Kind.TICKET, "500xx1", UUID.randomUUID(), MODIFIED, status, Optional.empty(),
                Optional.ofNullable(attributes.get("title")), Map.of(), attributes);
    }

    @Test
    void anOpenCaseTakesSubjectPriorityChannelAndCreationTime() {
        CrmTicket t = CrmTicket.of(ticket("open", Map.of("title", "Printer on fire", "priority", "High", "channel", "Phone",
                "createdAt", "2026-03-01T08:00:00.000+0000")));

        assertEquals("Printer on fire", t.subject());
        assertEquals(Priority.HIGH, t.priority());
        assertEquals(Channel.PHONE, t.channel());
        assertFalse(t.closed());
        assertEquals(Optional.of(Instant.parse("2026-03-01T08:00:00Z")), t.openedAt());
    }

    @Test
    void aClosedTicketClosesAtItsCloseTimeElseAtItsLastModification() {
        assertTrue(CrmTicket.of(ticket("closed", Map.of())).closed());
        assertEquals(Instant.parse("2026-03-02T09:00:00Z"), CrmTicket.of(ticket("closed", Map.of("closedAt", "2026-03-02T09:00:00Z"))).closedAt());
        assertEquals(MODIFIED, CrmTicket.of(ticket("closed", Map.of("closedAt", "soon"))).closedAt());
    }

    @Test
    void crmPrioritiesMapToTicketPrioritiesAndUnknownOnesAreNormal() {
        assertEquals(Priority.LOW, CrmTicket.priority("LOW"));
        assertEquals(Priority.NORMAL, CrmTicket.priority("MEDIUM"));
        assertEquals(Priority.HIGH, CrmTicket.priority("HIGH"));
        assertEquals(Priority.URGENT, CrmTicket.priority("URGENT"));
        assertEquals(Priority.URGENT, CrmTicket.priority("Critical"));
        assertEquals(Priority.NORMAL, CrmTicket.priority("whenever"));
        assertEquals(Priority.NORMAL, CrmTicket.priority(null));
    }

    @Test
    void aTicketWithoutSubjectIsNamedAfterItsCrmObjectAndRecordAndAnUnknownChannelIsOther() {
        CrmTicket t = CrmTicket.of(ticket("open", Map.of("channel", "carrier pigeon")));

        assertEquals("Case 500xx1", t.subject());
        assertEquals(Channel.OTHER, t.channel());
    }
}
