package dev.kreis.module.support;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.kreis.spi.connector.CrmActivity;
import dev.kreis.spi.touchpoint.Channel;

/**
 * What a CRM ticket or case says about the support ticket it becomes, read from the activity's mapped attributes
 * (docs/modules/support.md, "Tickets from a CRM"). Pure: the same activity always gives the same ticket.
 *
 * @param subject  the CRM's title, else "{object} {recordId}"; at most 200 characters
 * @param priority from the CRM's priority: low; medium or normal; high; urgent or critical; anything else normal
 * @param channel  the CRM value mapped to {@code channel}, if it names a Kreis channel; else other
 * @param closed   whether the CRM says the ticket is closed
 * @param openedAt the CRM's creation time, if it sent one
 * @param closedAt when a closed ticket closed: the CRM's close time, else its close date, else its last modification
 */
record CrmTicket(String subject, Priority priority, Channel channel, boolean closed, Optional<Instant> openedAt, Instant closedAt) {
    static final int SUBJECT_LENGTH = 200;

    static CrmTicket of(CrmActivity activity) {
        Map<String, String> values = activity.attributes();
        String subject = activity.title().map(String::strip).filter(t -> !t.isEmpty()).orElse(activity.object() + " " + activity.recordId());
        Channel channel = Optional.ofNullable(values.get("channel")).flatMap(c -> Channel.fromWire(c.strip().toLowerCase(Locale.ROOT)))
                .orElse(Channel.OTHER);
        Instant closedAt = CrmActivity.time(values.get("closedAt")).or(() -> CrmActivity.time(values.get("closeDate"))).orElse(activity.modifiedAt());
        return new CrmTicket(subject.length() <= SUBJECT_LENGTH ? subject : subject.substring(0, SUBJECT_LENGTH), priority(values.get("priority")),
                channel, activity.status().equals("closed"), CrmActivity.time(values.get("createdAt")), closedAt);
    }

    /** HubSpot's {@code hs_ticket_priority} (LOW, MEDIUM, HIGH, URGENT) and Salesforce's Case Priority (Low, Medium, High). */
    static Priority priority(String crmPriority) {
        if (crmPriority == null) {
            return Priority.NORMAL;
        }
        return switch (crmPriority.strip().toLowerCase(Locale.ROOT)) {
            case "low" -> Priority.LOW;
            case "high" -> Priority.HIGH;
            case "urgent", "critical" -> Priority.URGENT;
            default -> Priority.NORMAL;
        };
    }
}
