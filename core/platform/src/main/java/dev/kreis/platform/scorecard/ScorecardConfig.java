package dev.kreis.platform.scorecard;

import java.math.BigDecimal;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The scorecards ({@code kreis.scorecards.*}); docs/configuration.md documents every key. */
@ConfigMapping(prefix = "kreis.scorecards")
public interface ScorecardConfig {

    /** Level 1: touchpoint types (keys, or prefixes ending in {@code *}) of delivered informational touchpoints. */
    @WithDefault("marketing.email_delivered")
    List<String> communicationDeliveredTypes();

    /** Level 1: touchpoint types of engagement with them (opened, clicked…). */
    @WithDefault("marketing.email_opened,marketing.email_clicked")
    List<String> communicationEngagedTypes();

    /** Level 2: touchpoint types of resolved issues. */
    @WithDefault("support.ticket_resolved")
    List<String> accountabilityResolvedTypes();

    /** Level 2: touchpoint types of issues resolved within their SLA. */
    @WithDefault("support.ticket_resolved_within_sla")
    List<String> accountabilityWithinSlaTypes();

    /** Default targets per level, 0–100, until one is set through the API. */
    Targets targets();

    interface Targets {
        @WithDefault("80")
        BigDecimal communication();

        @WithDefault("80")
        BigDecimal accountability();

        @WithDefault("80")
        BigDecimal engagement();

        @WithDefault("50")
        BigDecimal proactivity();

        @WithDefault("80")
        BigDecimal enhancement();
    }
}
