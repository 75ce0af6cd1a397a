package dev.kreis.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;

/**
 * Writes synthetic touchpoints as JSON: mostly {@code core.interaction} on web/email/phone/chat,
 * some NPS, CSAT and CES feedback, occurredAt spread over the two years before today (UTC midnight,
 * so a day's runs send the same data).
 */
final class Touchpoints {
    static final long TWO_YEARS_S = 730L * 24 * 3600;
    static final String[] SUBJECTS = {
        "Order status", "Delivery delayed", "Invoice question", "Product advice", "Return request",
        "Newsletter click", "Password reset", "Warranty claim", "Price inquiry", "Appointment booking",
        "Contract renewal", "Complaint", "Feature question", "Address change"};
    static final String[] TOPICS = {"orders", "delivery", "billing", "product", "returns", "account", "service"};
    static final String[] OUTCOMES = {"resolved", "pending", "escalated", "informed", "purchase"};
    static final String[] COMMENTS = {
        "Quick and friendly.", "Took too long to get an answer.", "Great product, delivery was late.",
        "Very helpful support team.", "Website checkout was confusing.", "", "Would recommend to colleagues.",
        "Had to call twice.", "Everything perfect."};

    private final DataSet data;
    private final long anchor = Instant.now().truncatedTo(ChronoUnit.DAYS).getEpochSecond();

    Touchpoints(DataSet data) {
        this.data = data;
    }

    /**
     * Writes one touchpoint object. {@code byEmail} names the customer by email, otherwise by the
     * shop external id. {@code source} null means "pick a source fitting the type".
     */
    void write(JsonGenerator g, Random r, String source, String externalId, boolean byEmail) throws IOException {
        write(g, r, source, externalId, byEmail, false);
    }

    /**
     * As above; a {@code live} touchpoint occurred within the minute before it is sent, as events sent
     * one at a time as they happen do, instead of anywhere in the two years before the run.
     */
    void write(JsonGenerator g, Random r, String source, String externalId, boolean byEmail, boolean live) throws IOException {
        int c = data.touchpointCustomer(r);
        int kind = r.nextInt(100);
        String type;
        String channel;
        String initiator;
        Integer score = null;
        if (kind < 85) {
            type = "core.interaction";
            int ch = r.nextInt(100);
            channel = ch < 45 ? "web" : ch < 70 ? "email" : ch < 85 ? "phone" : "chat";
            initiator = r.nextInt(100) < 60 ? "customer" : "company";
        } else {
            channel = r.nextBoolean() ? "email" : "web";
            initiator = "customer";
            if (kind < 92) {
                type = "feedback.nps";
                score = r.nextInt(11);
            } else if (kind < 97) {
                type = "feedback.csat";
                score = 1 + r.nextInt(5);
            } else {
                type = "feedback.ces";
                score = 1 + r.nextInt(7);
            }
        }
        if (source == null) {
            source = score != null ? "survey" : switch (channel) {
                case "web" -> "shop";
                case "email" -> "crm";
                default -> "helpdesk";
            };
        }
        long occurred = live ? Instant.now().getEpochSecond() - r.nextInt(60) : anchor - 1 - (long) (r.nextDouble() * TWO_YEARS_S);

        g.writeStartObject();
        g.writeStringField("source", source);
        g.writeStringField("externalId", externalId);
        g.writeObjectFieldStart("customer");
        g.writeArrayFieldStart("identifiers");
        g.writeStartObject();
        if (byEmail) {
            g.writeStringField("type", "email");
            g.writeStringField("value", data.email(c));
        } else {
            g.writeStringField("type", "external");
            g.writeStringField("system", DataSet.SHOP);
            g.writeStringField("value", data.customer(c).shopId());
        }
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeStringField("type", type);
        g.writeStringField("channel", channel);
        g.writeStringField("occurredAt", Instant.ofEpochSecond(occurred).toString());
        g.writeStringField("initiator", initiator);
        g.writeObjectFieldStart("payload");
        if (score != null) {
            g.writeStringField("comment", DataSet.pick(r, COMMENTS));
            g.writeStringField("surveyId", "S-" + (2024 + r.nextInt(2)) + "-" + (1 + r.nextInt(12)));
        } else {
            String outcome = DataSet.pick(r, OUTCOMES);
            g.writeStringField("subject", DataSet.pick(r, SUBJECTS));
            g.writeStringField("topic", DataSet.pick(r, TOPICS));
            g.writeStringField("outcome", outcome);
            if (!"web".equals(channel)) {
                g.writeNumberField("durationSeconds", 30 + r.nextInt(1800));
            }
        }
        g.writeEndObject();
        if (score != null) {
            g.writeNumberField("score", score);
        } else if ("web".equals(channel) && r.nextInt(100) < 8) {
            g.writeNumberField("amount", BigDecimal.valueOf(500 + r.nextInt(49_500), 2));
            g.writeStringField("currency", "EUR");
        }
        g.writeEndObject();
    }
}
