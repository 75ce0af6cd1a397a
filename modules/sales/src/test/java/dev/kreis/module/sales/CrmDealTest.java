package dev.kreis.module.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.spi.connector.CrmActivity;

class CrmDealTest {
    private static final Instant MODIFIED = Instant.parse("2026-03-10T12:00:00Z");

    private static CrmActivity deal(String status, Map<String, String> attributes) {
        Map<String, String> values = new HashMap<>(attributes);
        return new CrmActivity("hubspot", "deals", CrmActivity.Kind.DEAL, "42", UUID.randomUUID(), MODIFIED, status,
                Optional.ofNullable(values.get("amount")), Optional.ofNullable(values.get("title")), Map.of(), values);
    }

    @Test
    void anOpenDealTakesTitleAmountCreationTimeAndItsCloseDateAsTheExpectedOne() {
        CrmDeal deal = CrmDeal.of(deal("open", Map.of("title", " Renewal ", "amount", "1200.5", "createdAt", "2026-01-05T10:00:00Z",
                "closeDate", "2026-04-30", "stage", "contractsent")));

        assertEquals("Renewal", deal.name());
        assertEquals(0, new BigDecimal("1200.5").compareTo(deal.amount()));
        assertEquals(Optional.of(Instant.parse("2026-01-05T10:00:00Z")), deal.openedAt());
        assertEquals(Optional.of(LocalDate.parse("2026-04-30")), deal.expectedCloseOn());
        assertEquals(Optional.empty(), deal.closedAt());
        assertEquals("negotiation", deal.stageAfter(null));
    }

    @Test
    void aWonDealClosesAtItsCloseDateWithItsWonReasonAndNoExpectedDate() {
        CrmDeal deal = CrmDeal.of(deal("won", Map.of("closeDate", "1767607200000", "wonReason", "Best price", "lostReason", "ignored")));

        assertEquals("won", deal.stageAfter("proposal"));
        assertEquals(Optional.of(Instant.ofEpochMilli(1767607200000L)), deal.closedAt());
        assertEquals(Optional.of("Best price"), deal.wonReason());
        assertEquals(Optional.empty(), deal.lostReason());
        assertEquals(Optional.empty(), deal.expectedCloseOn());
    }

    @Test
    void aLostDealWithoutAReasonHasNone() {
        CrmDeal deal = CrmDeal.of(deal("lost", Map.of()));

        assertEquals("lost", deal.stageAfter(null));
        assertEquals(Optional.empty(), deal.lostReason());
    }

    @Test
    void aDealWithoutTitleIsNamedAfterItsCrmObjectAndRecord() {
        assertEquals("deals 42", CrmDeal.of(deal("open", Map.of())).name());
        assertEquals(200, CrmDeal.of(deal("open", Map.of("title", "x".repeat(300)))).name().length());
    }

    @Test
    void aMissingUnreadableNegativeOrHugeAmountIsZero() {
        assertEquals(BigDecimal.ZERO, CrmDeal.amount(Optional.empty()));
        assertEquals(BigDecimal.ZERO, CrmDeal.amount(Optional.of("twelve")));
        assertEquals(BigDecimal.ZERO, CrmDeal.amount(Optional.of("-5")));
        assertEquals(BigDecimal.ZERO, CrmDeal.amount(Optional.of("1e13")));
        assertEquals(0, new BigDecimal("1.2346").compareTo(CrmDeal.amount(Optional.of("1.23456"))));
    }

    @Test
    void crmStagesOfBothVendorsDefaultPipelinesMapToPipelineStages() {
        assertEquals(Optional.of("prospecting"), CrmDeal.openStage("appointmentscheduled"));
        assertEquals(Optional.of("qualification"), CrmDeal.openStage("qualifiedtobuy"));
        assertEquals(Optional.of("proposal"), CrmDeal.openStage("presentationscheduled"));
        assertEquals(Optional.of("negotiation"), CrmDeal.openStage("decisionmakerboughtin"));
        assertEquals(Optional.of("prospecting"), CrmDeal.openStage("Prospecting"));
        assertEquals(Optional.of("qualification"), CrmDeal.openStage("Needs Analysis"));
        assertEquals(Optional.of("proposal"), CrmDeal.openStage("Proposal/Price Quote"));
        assertEquals(Optional.of("negotiation"), CrmDeal.openStage("Negotiation/Review"));
        assertEquals(Optional.empty(), CrmDeal.openStage("1234567"));
    }

    @Test
    void anOpenDealInAnUnknownCrmStageKeepsItsOpenStageAndAReopenedOneStartsAgain() {
        CrmDeal deal = CrmDeal.of(deal("open", Map.of("stage", "custom-stage-7")));

        assertEquals("proposal", deal.stageAfter("proposal"));
        assertEquals("prospecting", deal.stageAfter(null));
        assertEquals("prospecting", deal.stageAfter("lost"));
        assertTrue(CrmDeal.of(deal("open", Map.of("closeDate", "not a date"))).expectedCloseOn().isEmpty());
    }
}
