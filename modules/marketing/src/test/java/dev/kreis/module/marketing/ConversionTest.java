package dev.kreis.module.marketing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.module.marketing.MarketingStore.FirstSend;
import dev.kreis.spi.kpi.KpiValue;
import dev.kreis.spi.module.ModuleDescriptor;

/** The conversion arithmetic and the module's descriptor. */
class ConversionTest {

    static FirstSend send() {
        return new FirstSend(UUID.randomUUID(), UUID.randomUUID(), Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Test
    void oneOfThreeConvertedIs33Point3333Percent() {
        FirstSend converted = send();
        KpiValue value = Conversion.of(List.of(converted, send(), send()), s -> s == converted);

        assertEquals(new BigDecimal("33.3333"), value.value());
        assertEquals(3, value.sampleSize());
    }

    @Test
    void noSendsIsNoData() {
        KpiValue value = Conversion.of(List.of(), s -> true);
        assertNull(value.value());
        assertEquals(0, value.sampleSize());
    }

    @Test
    void theWindowComesFromTheSettingWithinItsBounds() {
        assertEquals(30, Conversion.windowDays(null));
        assertEquals(7, Conversion.windowDays("7"));
        assertEquals(30, Conversion.windowDays("0"));
        assertEquals(30, Conversion.windowDays("366"));
        assertEquals(30, Conversion.windowDays("x"));
    }

    @Test
    void theDescriptorDeclaresTheTypesKpisAndPermissionsOthersRelyOn() {
        ModuleDescriptor descriptor = new MarketingModule(null, null, null).descriptor();

        assertEquals("marketing", descriptor.id());
        assertEquals("mkt_", descriptor.tablePrefix().orElseThrow());
        assertEquals(List.of("marketing.email_sent", "marketing.email_delivered", "marketing.email_opened", "marketing.email_clicked",
                "marketing.email_bounced", "marketing.email_unsubscribed", "marketing.web_visit", "marketing.form_submitted"),
                descriptor.touchpointTypes().stream().map(t -> t.key()).toList());
        assertEquals(List.of("marketing.email_open_rate", "marketing.email_click_rate", "marketing.campaign_conversion", "marketing.web_visits"),
                descriptor.kpis().stream().map(k -> k.key()).toList());
        assertEquals(List.of("marketing:read", "marketing:write"), descriptor.permissions().stream().map(p -> p.name()).toList());
        assertEquals(java.util.Set.of("admin", "marketing", "integration"), descriptor.permissions().get(1).roles());
        assertEquals("30", descriptor.config().get(0).defaultValue().orElseThrow());
    }
}
