package dev.kreis.module.marketing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import dev.kreis.module.marketing.MarketingStore.FirstSend;
import dev.kreis.spi.kpi.KpiValue;

/**
 * The arithmetic of {@code marketing.campaign_conversion}: of the (campaign, customer) pairs with a first
 * send in the period, the share that converted, in percent rounded to 4 places; no value without sends.
 */
final class Conversion {
    static final int DEFAULT_WINDOW_DAYS = 30;
    static final String WINDOW_SETTING = "conversionWindowDays";

    private Conversion() {
    }

    /**
     * @param converted whether the pair's customer ordered within the window after its first send
     */
    static KpiValue of(List<FirstSend> sends, Predicate<FirstSend> converted) {
        if (sends.isEmpty()) {
            return KpiValue.noData();
        }
        long hits = sends.stream().filter(converted).count();
        BigDecimal value = BigDecimal.valueOf(hits).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(sends.size()), 4,
                RoundingMode.HALF_UP);
        return new KpiValue(value, sends.size());
    }

    static Duration window(int days) {
        return Duration.ofDays(days);
    }

    /** The configured window, or the default when the setting is absent or unreadable. */
    static int windowDays(String setting) {
        if (setting == null) {
            return DEFAULT_WINDOW_DAYS;
        }
        try {
            int days = Integer.parseInt(setting.trim());
            return days >= 1 && days <= 365 ? days : DEFAULT_WINDOW_DAYS;
        } catch (NumberFormatException e) {
            return DEFAULT_WINDOW_DAYS;
        }
    }
}
