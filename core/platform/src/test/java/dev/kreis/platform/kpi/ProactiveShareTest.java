package dev.kreis.platform.kpi;

import static dev.kreis.platform.kpi.RandomCases.assertAgrees;
import static dev.kreis.platform.kpi.RandomCases.decimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.kreis.spi.kpi.KpiValue;
import dev.kreis.spi.touchpoint.Initiator;

class ProactiveShareTest {

    @Test
    void proactiveShareIsCompanyInitiatedServiceTouchpointsOverAll() {
        ProactiveShare share = ProactiveShare.ofInitiators(
                List.of(Initiator.COMPANY, Initiator.CUSTOMER, Initiator.CUSTOMER, Initiator.COMPANY, Initiator.CUSTOMER));
        assertEquals(new ProactiveShare(2, 5), share);
        assertEquals(new KpiValue(decimal("40.0000"), 5), share.asKpiValue());
    }

    @Test
    void withoutServiceTouchpointsThereIsNoData() {
        assertEquals(KpiValue.noData(), ProactiveShare.ofInitiators(List.of()).asKpiValue());
    }

    @Test
    void moreProactiveThanAllTouchpointsIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ProactiveShare(3, 2));
    }

    @Test
    void proactiveShareAgreesWithCountingAndDaysAddUp() {
        RandomCases.check(71, random -> {
            List<Initiator> monday = new ArrayList<>();
            List<Initiator> tuesday = new ArrayList<>();
            int size = random.nextInt(60);
            int company = 0;
            for (int i = 0; i < size; i++) {
                Initiator initiator = random.nextInt(4) == 0 ? Initiator.COMPANY : Initiator.CUSTOMER;
                company += initiator == Initiator.COMPANY ? 1 : 0;
                (random.nextBoolean() ? monday : tuesday).add(initiator);
            }
            ProactiveShare both = ProactiveShare.ofInitiators(monday).plus(ProactiveShare.ofInitiators(tuesday));
            if (size == 0) {
                assertEquals(KpiValue.noData(), both.asKpiValue());
                return;
            }
            assertAgrees(100.0 * company / size, both.value());
        });
    }
}
