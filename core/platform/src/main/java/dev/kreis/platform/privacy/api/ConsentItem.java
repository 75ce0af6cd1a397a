package dev.kreis.platform.privacy.api;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.kreis.platform.privacy.ConsentDecision;

/** One consent decision on the wire; in requests {@code decidedAt} (ISO-8601) is optional and defaults to now. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsentItem(String purpose, String channel, String status, String decidedAt, String source) {

    static ConsentItem of(ConsentDecision decision) {
        return new ConsentItem(decision.purpose(), decision.channel(), decision.status().wire(), time(decision.decidedAt()),
                decision.source());
    }

    private static String time(OffsetDateTime at) {
        return at.toInstant().toString();
    }
}
