package dev.kreis.platform.privacy.api;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.kreis.platform.privacy.ConsentDecision;

/** One consent decision on the wire; in requests {@code decidedAt} (ISO-8601) is optional and defaults to now. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsentItem(String purpose, String channel, String status, String decidedAt, String source,
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
