package dev.kreis.platform.privacy;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One consent decision: granted or withdrawn, for a purpose on a channel (or {@code any}), when, from which source, and
 * why (the reason a person gave when changing it by hand; {@code null} when none was given, as for a CRM's sync).
 */
public record ConsentDecision(@org.eclipse.microprofile.openapi.annotations.media.Schema(required = true, description = "What it is for, e.g. newsletter") String purpose,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true, enumeration = { "web", "email", "phone", "chat", "store", "social", "app", "sms", "event", "other", "any" }, description = "A touchpoint channel, or any") String channel,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true) Status status,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true, format = "date-time") OffsetDateTime decidedAt,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true, description = "Where the decision was made, e.g. shop") String source,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true, description = "Why it was made, as the person recording it said; null when none was given") String reason) {

    /** The longest reason kept. */
    public static final int MAX_REASON = 500;

    public ConsentDecision(String purpose, String channel, Status status, OffsetDateTime decidedAt, String source) {
        this(purpose, channel, status, decidedAt, source, null);
    }

    /** Granted or withdrawn; travels in lower case. */
    public enum Status {
        GRANTED, WITHDRAWN;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Status> fromWire(String wire) {
            return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
        }
    }

    public ConsentDecision {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(source, "source");
        if (reason != null && (reason.isBlank() || reason.length() > MAX_REASON)) {
            throw new IllegalArgumentException("reason must be null or 1-" + MAX_REASON + " characters");
        }
    }

    public boolean granted() {
        return status == Status.GRANTED;
    }

    /** Whether this decision prevails over {@code other} for the same purpose and channel: newer, or as new and a withdrawal. */
    public boolean prevailsOver(ConsentDecision other) {
        int order = decidedAt.compareTo(other.decidedAt);
        return order > 0 || order == 0 && status == Status.WITHDRAWN && other.status == Status.GRANTED;
    }
}
