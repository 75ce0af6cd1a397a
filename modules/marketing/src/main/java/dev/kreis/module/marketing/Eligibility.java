package dev.kreis.module.marketing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.kreis.spi.customer.CustomerHolds;
import dev.kreis.spi.customer.Hold;
import dev.kreis.spi.privacy.ConsentService;

/**
 * Whether a campaign member may be contacted now: the customer's consent for the campaign's purpose on
 * its channel, and no hold of scope {@link CustomerHolds#CAMPAIGNS} (e.g. support's while a high-priority
 * ticket is open). Asked every time a member is read or sent to, never stored, so a withdrawn consent or
 * a new hold excludes at once and a lifted hold includes again. Thread-safe.
 */
final class Eligibility {
    private final ConsentService consent;
    private final CustomerHolds holds;

    Eligibility(ConsentService consent, CustomerHolds holds) {
        this.consent = consent;
        this.holds = holds;
    }

    /** A member's standing: {@code included} or {@code excluded} with the reasons (consent first, then each hold). */
    record Standing(boolean included, List<String> reasons, List<Hold> holds) {
        Standing {
            reasons = List.copyOf(reasons);
            holds = List.copyOf(holds);
        }

        String status() {
            return included ? "included" : "excluded";
        }

        /** The first reason, {@code null} when included. */
        String reason() {
            return reasons.isEmpty() ? null : reasons.get(0);
        }
    }

    /**
     * The standing of {@code customerId} in a campaign for {@code purpose} on {@code campaignChannel}.
     *
     * @param campaignChannel a campaign channel (email, web, social, sms, event, other), which is also the consent channel
     */
    Standing of(UUID customerId, String purpose, String campaignChannel) {
        List<String> reasons = new ArrayList<>();
        String consentChannel = consentChannel(campaignChannel);
        if (!consent.mayContact(customerId, purpose, consentChannel)) {
            reasons.add("no consent for " + purpose + " on " + consentChannel);
        }
        List<Hold> active = holds.active(customerId, CustomerHolds.CAMPAIGNS);
        for (Hold hold : active) {
            reasons.add("held: " + hold.reason());
        }
        return new Standing(reasons.isEmpty(), reasons, active);
    }

    /**
     * The consent channel of a campaign channel. Every campaign channel is a touchpoint channel name,
     * which is what consents are recorded under, so the mapping is the identity; it is kept in one place
     * so a campaign channel without a touchpoint channel of the same name would be mapped here.
     */
    static String consentChannel(String campaignChannel) {
        return switch (campaignChannel) {
            case "email", "web", "social", "sms", "event", "other" -> campaignChannel;
            default -> throw new IllegalArgumentException("not a campaign channel: " + campaignChannel);
        };
    }
}
