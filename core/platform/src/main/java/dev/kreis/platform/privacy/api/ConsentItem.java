package dev.kreis.platform.privacy.api;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.kreis.platform.privacy.ConsentDecision;

/** One consent decision on the wire; in requests {@code decidedAt} (ISO-8601) is optional and defaults to now. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(example = "{\"purpose\": \"newsletter\", \"channel\": \"email\", \"status\": \"granted\", \"decidedAt\": \"2026-01-02T08:00:00Z\", \"source\": \"shop\"}")
public record ConsentItem(@Schema(required = true, description = "What it is for, e.g. newsletter") String purpose,
        @Schema(required = true, enumeration = { "web", "email", "phone", "chat", "store", "social", "app", "sms", "event", "other", "any" }, description = "A touchpoint channel, or any") String channel,
        @Schema(required = true, enumeration = { "granted", "withdrawn" }) String status,
        @Schema(description = "When it was decided (ISO-8601); always in answers, defaults to now in requests") String decidedAt,
        @Schema(description = "Where it was decided, e.g. shop; always in answers, required in requests where no default source applies") String source,
        @Schema(description = "Why the decision was made or changed, as the person recording it said (at most 500 characters); kept with the"
                + " decision and in the audit log. Absent when none was given.", examples = "Customer asked by phone to stop newsletters")
        String reason) {

    public ConsentItem(String purpose, String channel, String status, String decidedAt, String source) {
        this(purpose, channel, status, decidedAt, source, null);
    }

    static ConsentItem of(ConsentDecision decision) {
        return new ConsentItem(decision.purpose(), decision.channel(), decision.status().wire(), time(decision.decidedAt()),
                decision.source(), decision.reason());
    }

    private static String time(OffsetDateTime at) {
        return at.toInstant().toString();
    }
}
