package dev.kreis.platform.privacy.api;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.kreis.platform.api.Problem.FieldError;
import dev.kreis.platform.api.Times;
import dev.kreis.platform.identity.api.ProfileRequests;
import dev.kreis.platform.privacy.ConsentDecision;
import dev.kreis.platform.privacy.ConsentState;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Validates consent items (of {@code PUT .../consents} and of a profile's {@code consents}), naming each
 * invalid field as {@code <list>[i].<field>}. A decision may lie at most five minutes in the future, for
 * clock skew: a later one would outrank every real decision until then.
 */
@ApplicationScoped
public class ConsentRequests {
    public static final int MAX_ITEMS = 100;
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    private static final String CHANNELS = "web, email, phone, chat, store, social, app, sms, event, other, any";

    private final Clock clock;

    ConsentRequests(Clock clock) {
        this.clock = clock;
    }

    /**
     * The decisions, adding an error per invalid field to {@code errors}. {@code defaultSource} is used where an
     * item names none ({@code null}: the source is required).
     */
    public List<ConsentDecision> read(String field, List<ConsentItem> items, String defaultSource, List<FieldError> errors) {
        List<ConsentDecision> decisions = new ArrayList<>();
        if (items.size() > MAX_ITEMS) {
            errors.add(new FieldError(field, "must hold at most " + MAX_ITEMS + " decisions"));
            return decisions;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String path = field + "[" + i + "]";
            ConsentItem item = items.get(i);
            if (item == null) {
                errors.add(new FieldError(path, "must be a consent object"));
                continue;
            }
            int before = errors.size();
            String purpose = item.purpose() == null ? "" : item.purpose().trim();
            if (purpose.isEmpty()) {
                errors.add(new FieldError(path + ".purpose", "is required"));
            } else if (!ConsentState.PURPOSE.matcher(purpose).matches()) {
                errors.add(new FieldError(path + ".purpose",
                        "must be 1-64 lower-case letters, digits, '.', '_' or '-', starting with a letter, e.g. marketing"));
            }
            String channel = item.channel() == null ? "" : item.channel().trim();
            if (channel.isEmpty()) {
                errors.add(new FieldError(path + ".channel", "is required"));
            } else if (!ConsentState.isChannel(channel)) {
                errors.add(new FieldError(path + ".channel", "must be one of " + CHANNELS));
            }
            ConsentDecision.Status status = null;
            if (item.status() == null) {
                errors.add(new FieldError(path + ".status", "is required"));
            } else {
                status = ConsentDecision.Status.fromWire(item.status()).orElse(null);
                if (status == null) {
                    errors.add(new FieldError(path + ".status", "must be granted or withdrawn"));
                }
            }
            OffsetDateTime decidedAt = decidedAt(path + ".decidedAt", item.decidedAt(), now, errors);
            String source = item.source() == null && defaultSource != null ? defaultSource
                    : ProfileRequests.source(path + ".source", item.source(), errors);
            String reason = item.reason() == null || item.reason().isBlank() ? null : item.reason().strip();
            if (reason != null && reason.length() > ConsentDecision.MAX_REASON) {
                errors.add(new FieldError(path + ".reason", "must be at most " + ConsentDecision.MAX_REASON + " characters"));
            } else if (reason != null && reason.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
                errors.add(new FieldError(path + ".reason", "must not contain control characters other than line breaks"));
            }
            if (errors.size() == before && !seen.add(purpose + "\u0000" + channel)) {
                errors.add(new FieldError(path, "decides " + purpose + " on " + channel + " a second time"));
            }
            if (errors.size() == before) {
                decisions.add(new ConsentDecision(purpose, channel, status, decidedAt, source, reason));
            }
        }
        return decisions;
    }

    private OffsetDateTime decidedAt(String field, String value, OffsetDateTime now, List<FieldError> errors) {
        if (value == null) {
            return now;
        }
        try {
            OffsetDateTime time = Times.offsetDateTime(value);
            if (time.isAfter(now.plus(FUTURE_TOLERANCE))) {
                errors.add(new FieldError(field, "lies in the future"));
            }
            return time;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 timestamp such as 2025-01-31T10:15:00Z"));
            return now;
        }
    }
}
