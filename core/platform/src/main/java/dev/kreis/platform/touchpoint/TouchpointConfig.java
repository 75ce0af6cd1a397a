package dev.kreis.platform.touchpoint;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits and the currency of touchpoint ingestion ({@code kreis.touchpoints.*}). */
@ConfigMapping(prefix = "kreis.touchpoints")
public interface TouchpointConfig {

    /** The most items one {@code POST /api/v1/touchpoints/batch} may carry; more answers 413. */
    @WithDefault("5000")
    int maxBatchItems();

    /** The most characters a touchpoint's payload may have as JSON. */
    @WithDefault("16384")
    int maxPayloadChars();

    /**
     * The one currency (ISO 4217) of this installation. Amounts in any other currency are rejected, so
     * revenue KPIs never add up different currencies.
     */
    @WithDefault("EUR")
    String currency();
}
