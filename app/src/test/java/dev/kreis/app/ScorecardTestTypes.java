package dev.kreis.app;

/**
 * The touchpoint types the CX pyramid counts by default: level 1's come from the marketing module,
 * level 2's from the support module, so the scorecard tests install both first.
 */
final class ScorecardTestTypes {
    static final String DELIVERED = "marketing.email_delivered";
    static final String OPENED = "marketing.email_opened";
    static final String CLICKED = "marketing.email_clicked";
    static final String RESOLVED = "support.ticket_resolved";
    static final String WITHIN_SLA = "support.ticket_resolved_within_sla";

    private ScorecardTestTypes() {
    }
}
