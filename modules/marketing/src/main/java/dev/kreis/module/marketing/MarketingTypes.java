package dev.kreis.module.marketing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.kreis.spi.kpi.Direction;
import dev.kreis.spi.kpi.KpiDefinition;
import dev.kreis.spi.kpi.KpiUnit;
import dev.kreis.spi.touchpoint.Channel;
import dev.kreis.spi.touchpoint.CxPyramidLevel;
import dev.kreis.spi.touchpoint.Initiator;
import dev.kreis.spi.touchpoint.JourneyPhase;
import dev.kreis.spi.touchpoint.TouchpointTypeDefinition;

/** The marketing module's touchpoint types and KPIs. */
final class MarketingTypes {
    static final String MODULE = "marketing";

    static final String EMAIL_SENT = "marketing.email_sent";
    static final String EMAIL_DELIVERED = "marketing.email_delivered";
    static final String EMAIL_OPENED = "marketing.email_opened";
    static final String EMAIL_CLICKED = "marketing.email_clicked";
    static final String EMAIL_BOUNCED = "marketing.email_bounced";
    static final String EMAIL_UNSUBSCRIBED = "marketing.email_unsubscribed";
    static final String WEB_VISIT = "marketing.web_visit";
    static final String FORM_SUBMITTED = "marketing.form_submitted";
    /** The core's order type, counted by the campaign conversion. */
    static final String REVENUE_ORDER = "revenue.order";

    /** E-mail event name → touchpoint type. */
    static final Map<String, String> EMAIL_EVENTS = Map.of(
            "sent", EMAIL_SENT,
            "delivered", EMAIL_DELIVERED,
            "opened", EMAIL_OPENED,
            "clicked", EMAIL_CLICKED,
            "bounced", EMAIL_BOUNCED,
            "unsubscribed", EMAIL_UNSUBSCRIBED);
    static final List<String> EMAIL_EVENT_NAMES = List.of("sent", "delivered", "opened", "clicked", "bounced", "unsubscribed");

    static final String KPI_OPEN_RATE = "marketing.email_open_rate";
    static final String KPI_CLICK_RATE = "marketing.email_click_rate";
    static final String KPI_CONVERSION = "marketing.campaign_conversion";
    static final String KPI_WEB_VISITS = "marketing.web_visits";

    private MarketingTypes() {
    }

    static List<TouchpointTypeDefinition> touchpointTypes() {
        return List.of(
                type(EMAIL_SENT, Channel.EMAIL, JourneyPhase.AWARENESS, Initiator.COMPANY, "A campaign e-mail was sent to the customer.").atPyramidLevel(CxPyramidLevel.COMMUNICATION),
                type(EMAIL_DELIVERED, Channel.EMAIL, JourneyPhase.AWARENESS, Initiator.COMPANY,
                        "A campaign e-mail reached the customer's mailbox (the provider reported delivery).").atPyramidLevel(CxPyramidLevel.COMMUNICATION),
                type(EMAIL_OPENED, Channel.EMAIL, JourneyPhase.AWARENESS, Initiator.CUSTOMER, "The customer opened a campaign e-mail.").atPyramidLevel(CxPyramidLevel.COMMUNICATION),
                type(EMAIL_CLICKED, Channel.EMAIL, JourneyPhase.INTEREST, Initiator.CUSTOMER, "The customer clicked a link in a campaign e-mail.").atPyramidLevel(CxPyramidLevel.COMMUNICATION),
                type(EMAIL_BOUNCED, Channel.EMAIL, JourneyPhase.AWARENESS, Initiator.COMPANY, "A campaign e-mail to the customer bounced."),
                type(EMAIL_UNSUBSCRIBED, Channel.EMAIL, JourneyPhase.AWARENESS, Initiator.CUSTOMER,
                        "The customer unsubscribed through a campaign e-mail."),
                type(WEB_VISIT, Channel.WEB, JourneyPhase.AWARENESS, Initiator.CUSTOMER, "A known customer visited a page of the web site."),
                type(FORM_SUBMITTED, Channel.WEB, JourneyPhase.INTEREST, Initiator.CUSTOMER,
                        "The customer submitted a web form (contact, newsletter, download...)."));
    }

    private static TouchpointTypeDefinition type(String key, Channel channel, JourneyPhase phase, Initiator initiator, String description) {
        return new TouchpointTypeDefinition(key, MODULE, channel, phase, initiator, Optional.empty(), description);
    }

    static List<KpiDefinition> kpis() {
        return List.of(
                new KpiDefinition(KPI_OPEN_RATE, "E-mail open rate", KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER, Set.of(MODULE), false,
                        "marketing.email_opened touchpoints ÷ marketing.email_delivered touchpoints in the period, in percent."),
                new KpiDefinition(KPI_CLICK_RATE, "E-mail click rate", KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER, Set.of(MODULE), false,
                        "marketing.email_clicked touchpoints ÷ marketing.email_delivered touchpoints in the period, in percent."),
                new KpiDefinition(KPI_CONVERSION, "Campaign conversion to purchase", KpiUnit.PERCENT, Direction.HIGHER_IS_BETTER,
                        Set.of(MODULE, "sales"), true,
                        "Share of campaign members sent an e-mail in the period who placed an order (revenue.order) within "
                                + "conversionWindowDays days after their first send in the period, in percent."),
                new KpiDefinition(KPI_WEB_VISITS, "Web visits", KpiUnit.COUNT, Direction.HIGHER_IS_BETTER, Set.of(MODULE), false,
                        "Number of marketing.web_visit touchpoints (visits of known customers) in the period."));
    }
}
