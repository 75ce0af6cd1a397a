package dev.kreis.module.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.kreis.spi.kpi.KpiQuery;
import dev.kreis.spi.kpi.KpiValue;
import dev.kreis.spi.kpi.Period;
import dev.kreis.spi.kpi.UnsupportedKpiFilterException;
import dev.kreis.spi.touchpoint.JourneyPhase;

/** The module's pure rules: SLA breaches, status transitions, KPI arithmetic, the descriptor. */
class SupportLogicTest {
    private static final Instant OPENED = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant DUE = Instant.parse("2026-03-02T09:30:00Z");

    @Test
    void aRunningClockIsBreachedOnlyAfterTheDueTime() {
        assertFalse(Sla.firstResponseBreached(DUE, null, null, DUE), "exactly at the due time is still in time");
        assertTrue(Sla.firstResponseBreached(DUE, null, null, DUE.plusSeconds(1)));
        assertFalse(Sla.firstResponseBreached(DUE, null, null, OPENED));
    }

    @Test
    void aStoppedClockIsJudgedByTheTimeThatStoppedIt() {
        assertFalse(Sla.firstResponseBreached(DUE, DUE.minusSeconds(60), null, DUE.plusSeconds(86_400)), "answered in time, judged later");
        assertTrue(Sla.firstResponseBreached(DUE, DUE.plusSeconds(60), null, DUE.plusSeconds(60)));
        assertTrue(Sla.resolutionBreached(DUE, null, DUE.plusSeconds(1), DUE), "closed unresolved after the due time");
        assertFalse(Sla.resolutionBreached(DUE, DUE, DUE.plusSeconds(999), DUE.plusSeconds(999)), "resolved in time, closed later");
    }

    @Test
    void theSlaIsMetWhenBothTargetsAreMet() {
        Instant resolutionDue = OPENED.plusSeconds(4 * 3600);
        assertTrue(Sla.met(DUE, resolutionDue, DUE, resolutionDue));
        assertFalse(Sla.met(DUE, resolutionDue, DUE.plusSeconds(1), resolutionDue));
        assertFalse(Sla.met(DUE, resolutionDue, DUE, resolutionDue.plusSeconds(1)));
    }

    @Test
    void policiesGiveDueTimesFromTheOpeningTime() {
        SlaPolicy urgent = new SlaPolicy("urgent", 30, 240, OPENED, null);
        assertEquals(DUE, urgent.firstResponseDue(OPENED));
        assertEquals(Instant.parse("2026-03-02T13:00:00Z"), urgent.resolutionDue(OPENED));
    }

    @Test
    void patchMovesTicketsOnlyAlongTheLifecycle() {
        assertTrue(TicketStatus.OPEN.mayPatchTo(TicketStatus.PENDING));
        assertTrue(TicketStatus.PENDING.mayPatchTo(TicketStatus.OPEN));
        assertTrue(TicketStatus.RESOLVED.mayPatchTo(TicketStatus.OPEN), "reopen");
        assertTrue(TicketStatus.CLOSED.mayPatchTo(TicketStatus.OPEN), "reopen");
        assertTrue(TicketStatus.RESOLVED.mayPatchTo(TicketStatus.CLOSED));
        assertFalse(TicketStatus.OPEN.mayPatchTo(TicketStatus.RESOLVED), "resolving needs POST .../resolve");
        assertFalse(TicketStatus.CLOSED.mayPatchTo(TicketStatus.PENDING));
        assertFalse(TicketStatus.RESOLVED.mayPatchTo(TicketStatus.PENDING));
    }

    @Test
    void onlyActiveHighAndUrgentTicketsHoldCampaigns() {
        Ticket t = new Ticket();
        t.subject = "Invoice wrong";
        t.priority = Priority.HIGH;
        t.status = TicketStatus.PENDING;
        assertTrue(t.holdsCampaigns());
        assertEquals("Open high-priority support ticket: Invoice wrong", t.holdReason());
        t.status = TicketStatus.RESOLVED;
        assertFalse(t.holdsCampaigns());
        t.status = TicketStatus.OPEN;
        t.priority = Priority.NORMAL;
        assertFalse(t.holdsCampaigns());
    }

    @Test
    void kpiArithmeticRoundsToFourPlacesAndHasNoValueWithoutData() {
        assertEquals(new BigDecimal("66.6667"), SupportKpis.percent(2, 3).value());
        assertEquals(3, SupportKpis.percent(2, 3).sampleSize());
        assertNull(SupportKpis.percent(0, 0).value());
        assertEquals(new BigDecimal("73.3333"), SupportKpis.mean((60 + 60 + 100) * 60, 3, 60).value(), "(60 + 60 + 100) / 3 minutes");
        assertEquals(new BigDecimal("1.5000"), SupportKpis.mean(3 * 3600, 2, 3600).value());
        assertNull(SupportKpis.mean(0, 0, 60).value());
    }

    @Test
    void ticketKpisRefusePhaseAndSegmentAndAnotherModuleHasNoData() {
        SupportKpis kpis = new SupportKpis(null, null);
        Period period = new Period(OPENED, OPENED.plusSeconds(86_400));
        KpiQuery query = KpiQuery.over(period);
        assertThrows(UnsupportedKpiFilterException.class,
                () -> kpis.computation(SupportKpis.TICKET_VOLUME).compute(query.inPhase(JourneyPhase.RETENTION)));
        assertThrows(UnsupportedKpiFilterException.class, () -> kpis.computation(SupportKpis.SLA_COMPLIANCE).compute(query.inSegment("vip")));
        assertEquals(KpiValue.noData(), kpis.computation(SupportKpis.FIRST_CONTACT_RESOLUTION).compute(query.fromModule("sales")));
        assertEquals(KpiValue.noData(), kpis.computation(SupportKpis.CSAT).compute(query.fromModule("sales")));
    }

    @Test
    void theDescriptorIsValidAndKeepsTheScorecardKeys() {
        var descriptor = SupportModule.DESCRIPTOR;
        assertEquals(Optional.of("sup_"), descriptor.tablePrefix());
        assertTrue(descriptor.touchpointTypes().stream().anyMatch(t -> t.key().equals("support.ticket_resolved")));
        assertTrue(descriptor.touchpointTypes().stream().anyMatch(t -> t.key().equals("support.ticket_resolved_within_sla")));
        assertEquals(7, descriptor.kpis().size());
        assertEquals("db/kreis-modules/support", descriptor.migrationLocation());
    }
}
