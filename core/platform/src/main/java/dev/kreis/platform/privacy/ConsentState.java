package dev.kreis.platform.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.kreis.spi.privacy.ConsentService;
import dev.kreis.spi.touchpoint.Channel;

/**
 * A customer's effective consent: per purpose and channel the prevailing decision among those of all
 * its profiles, and the contact rule of {@link ConsentService#mayContact}.
 */
public final class ConsentState {
    public static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");

    private final Map<String, ConsentDecision> effective;

    private ConsentState(Map<String, ConsentDecision> effective) {
        this.effective = effective;
    }

    /** The state from every decision stored on a customer's profiles. */
    public static ConsentState of(Collection<ConsentDecision> decisions) {
        Map<String, ConsentDecision> effective = new TreeMap<>();
        for (ConsentDecision decision : decisions) {
            effective.merge(key(decision.purpose(), decision.channel()), decision,
                    (held, candidate) -> candidate.prevailsOver(held) ? candidate : held);
        }
        return new ConsentState(effective);
    }

    /** The effective decisions, ordered by purpose, then channel. */
    public List<ConsentDecision> decisions() {
        List<ConsentDecision> list = new ArrayList<>(effective.values());
        list.sort(Comparator.comparing(ConsentDecision::purpose).thenComparing(ConsentDecision::channel));
        return list;
    }

    public Optional<ConsentDecision> decision(String purpose, String channel) {
        return Optional.ofNullable(effective.get(key(purpose, channel)));
    }

    /** The rule documented on {@link ConsentService#mayContact}. */
    public boolean mayContact(String purpose, String channel) {
        requireValid(purpose, channel);
        Optional<ConsentDecision> any = decision(purpose, ConsentService.ANY_CHANNEL);
        if (ConsentService.ANY_CHANNEL.equals(channel)) {
            return any.map(ConsentDecision::granted).orElse(false);
        }
        Optional<ConsentDecision> own = decision(purpose, channel);
        if (own.isPresent() && !own.get().granted()) {
            return false;
        }
        if (any.isPresent() && !any.get().granted() && (own.isEmpty() || !own.get().decidedAt().isAfter(any.get().decidedAt()))) {
            return false;
        }
        return own.map(ConsentDecision::granted).orElse(false) || any.map(ConsentDecision::granted).orElse(false);
    }

    /** Whether {@code channel} is a touchpoint channel name or {@code any}. */
    public static boolean isChannel(String channel) {
        return ConsentService.ANY_CHANNEL.equals(channel) || Channel.fromWire(channel).isPresent();
    }

    static void requireValid(String purpose, String channel) {
        if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("purpose must be a lower-case key of at most 64 characters: " + purpose);
        }
        if (channel == null || !isChannel(channel)) {
            throw new IllegalArgumentException("channel must be a channel name or any: " + channel);
        }
    }

    private static String key(String purpose, String channel) {
        return purpose.toLowerCase(Locale.ROOT) + "\u0000" + channel;
    }
}
