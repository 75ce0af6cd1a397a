package dev.kreis.module.marketing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A campaign's fields as a request gives them, validated. Creating takes every field (name, channel and
 * audience required); changing starts from the stored campaign and applies the fields present.
 */
record CampaignDraft(String name, String channel, String purpose, LocalDate startsOn, LocalDate endsOn, BigDecimal budget,
        Audience audience) {

    static final List<String> CHANNELS = List.of("email", "web", "social", "sms", "event", "other");
    static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");
    static final String DEFAULT_PURPOSE = "marketing";
    static final List<String> FIELDS = List.of("name", "channel", "purpose", "startsOn", "endsOn", "budget", "audience");

    /** A new campaign from a create body; collects problems in {@code fields}, {@code null} if there are any. */
    static CampaignDraft create(JsonNode body, Fields fields) {
        unknownFields(body, fields);
        String name = fields.text(body, "name", 1, 200, true);
        String channel = fields.oneOf(body, "channel", CHANNELS, true);
        String purpose = Fields.present(body, "purpose")
                ? fields.matching(body, "purpose", PURPOSE, "must be a lower-case key such as marketing ([a-z][a-z0-9_.-]{0,63})", true)
                : DEFAULT_PURPOSE;
        LocalDate startsOn = fields.date(body, "startsOn", false);
        LocalDate endsOn = fields.date(body, "endsOn", false);
        BigDecimal budget = fields.amount(body, "budget");
        Audience audience = Audience.read(body.get("audience"), fields);
        checkPeriod(startsOn, endsOn, fields);
        return fields.ok() ? new CampaignDraft(name, channel, purpose, startsOn, endsOn, budget, audience) : null;
    }

    /** This campaign with the fields present in a change body; {@code null} for optional fields clears them. */
    CampaignDraft change(JsonNode body, Fields fields) {
        unknownFields(body, fields);
        String newName = body.has("name") ? fields.text(body, "name", 1, 200, true) : name;
        String newChannel = body.has("channel") ? fields.oneOf(body, "channel", CHANNELS, true) : channel;
        String newPurpose = body.has("purpose")
                ? (Fields.present(body, "purpose")
                        ? fields.matching(body, "purpose", PURPOSE, "must be a lower-case key such as marketing ([a-z][a-z0-9_.-]{0,63})", true)
                        : DEFAULT_PURPOSE)
                : purpose;
        LocalDate newStart = body.has("startsOn") ? fields.date(body, "startsOn", false) : startsOn;
        LocalDate newEnd = body.has("endsOn") ? fields.date(body, "endsOn", false) : endsOn;
        BigDecimal newBudget = body.has("budget") ? fields.amount(body, "budget") : budget;
        Audience newAudience = body.has("audience") ? Audience.read(body.get("audience"), fields) : audience;
        if (fields.ok()) {
            checkPeriod(newStart, newEnd, fields);
        }
        return fields.ok() ? new CampaignDraft(newName, newChannel, newPurpose, newStart, newEnd, newBudget, newAudience) : null;
    }

    private static void checkPeriod(LocalDate startsOn, LocalDate endsOn, Fields fields) {
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            fields.add("endsOn", "must not lie before startsOn (" + startsOn + ")");
        }
    }

    private static void unknownFields(JsonNode body, Fields fields) {
        body.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field) && !List.of("id", "createdAt", "updatedAt", "refreshedAt", "members").contains(field)) {
                fields.add(field, "is not a campaign field; known: " + String.join(", ", FIELDS));
            }
        });
    }
}
