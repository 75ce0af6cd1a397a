package dev.kreis.platform.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of identity resolution ({@code kreis.identity.*}). */
@ConfigMapping(prefix = "kreis.identity")
public interface IdentityConfig {

    /**
     * The region (ISO 3166-1 alpha-2) assumed for phone numbers written without a country code, e.g.
     * {@code 030 1234567} is read as a Berlin number with {@code DE}.
     */
    @WithDefault("DE")
    String defaultPhoneRegion();

    /** The similarity score (0..1) from which two customers are suggested for a merge. */
    @WithDefault("0.85")
    double suggestionThreshold();

    /**
     * How many same-block profiles (the newest) a written profile is compared with for merge suggestions:
     * the bound on the comparisons one write makes, however crowded its block (Müller, Schmidt, ...).
     */
    @WithDefault("200")
    int suggestionCandidates();

    /**
     * How many open merge suggestions a customer keeps at most: a write suggests its best few and a better
     * suggestion pushes out the worst, so neither the work per write nor the list grows with the block.
     */
    @WithDefault("5")
    int suggestionsPerCustomer();
}
