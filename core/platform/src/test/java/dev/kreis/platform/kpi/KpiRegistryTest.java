package dev.kreis.platform.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.kreis.spi.kpi.Direction;
import dev.kreis.spi.kpi.KpiComputation;
import dev.kreis.spi.kpi.KpiDefinition;
import dev.kreis.spi.kpi.KpiProvider;
import dev.kreis.spi.kpi.KpiUnit;
import dev.kreis.spi.kpi.KpiValue;

class KpiRegistryTest {

    record Provider(List<KpiDefinition> definitions) implements KpiProvider {
        @Override
        public KpiComputation computation(KpiDefinition definition) {
            return query -> KpiValue.noData();
        }
    }

    private static KpiDefinition kpi(String key) {
        return new KpiDefinition(key, "Some KPI", KpiUnit.COUNT, Direction.LOWER_IS_BETTER, Set.of("support"), false, "A test KPI.");
    }

    @Test
    void kpisOfEveryProviderAreServedByKeyInOrder() {
        var kpis = KpiRegistry.index(List.of(new Provider(List.of(kpi("support.tickets"), kpi("support.backlog"))),
                new Provider(List.of(kpi("sales.deals")))));
        assertEquals(List.of("support.tickets", "support.backlog", "sales.deals"), List.copyOf(kpis.keySet()));
    }

    @Test
    void aKeyContributedTwiceFailsTheStartNamingBothProviders() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KpiRegistry.index(
                List.of(new Provider(List.of(kpi("support.tickets"))), new Provider(List.of(kpi("support.tickets"))))));
        assertTrue(e.getMessage().contains("'support.tickets'"), e.getMessage());
        assertTrue(e.getMessage().contains(Provider.class.getName()), e.getMessage());
    }
}
