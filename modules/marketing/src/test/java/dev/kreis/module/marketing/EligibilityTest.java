package dev.kreis.module.marketing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.module.marketing.Eligibility.Standing;
import dev.kreis.spi.customer.CustomerHolds;
import dev.kreis.spi.customer.Hold;
import dev.kreis.spi.privacy.ConsentService;

/** Who is included in a campaign: consent for the purpose on the channel, and no campaigns hold — both asked at read time. */
class EligibilityTest {

    /** Consents as a set of "customer|purpose|channel". */
    static final class FakeConsent implements ConsentService {
        final Set<String> granted = new HashSet<>();
        final List<String> asked = new ArrayList<>();

        @Override
        public boolean mayContact(UUID customerId, String purpose, String channel) {
            asked.add(purpose + "|" + channel);
            return granted.contains(customerId + "|" + purpose + "|" + channel);
        }
    }

    /** Holds kept in a list, like the platform keeps them. */
    static final class FakeHolds implements CustomerHolds {
        final List<Hold> holds = new ArrayList<>();

        @Override
        public void place(UUID customerId, String scope, String module, String reference, String reason) {
            lift(scope, module, reference);
            holds.add(new Hold(customerId, scope, module, reference, reason, Instant.parse("2025-01-01T00:00:00Z")));
        }

        @Override
        public void lift(String scope, String module, String reference) {
            holds.removeIf(h -> h.scope().equals(scope) && h.placedBy().equals(module) && h.reference().equals(reference));
        }

        @Override
        public void liftAll(String module) {
            holds.removeIf(h -> h.placedBy().equals(module));
        }

        @Override
        public List<Hold> active(UUID customerId, String scope) {
            return holds.stream().filter(h -> h.customerId().equals(customerId) && h.scope().equals(scope)).toList();
        }
    }

    final FakeConsent consent = new FakeConsent();
    final FakeHolds holds = new FakeHolds();
    final Eligibility eligibility = new Eligibility(consent, holds);
    final UUID anna = UUID.randomUUID();

    @Test
    void aCustomerWithConsentAndNoHoldIsIncluded() {
        consent.granted.add(anna + "|marketing|email");

        Standing standing = eligibility.of(anna, "marketing", "email");

        assertTrue(standing.included());
        assertEquals("included", standing.status());
        assertNull(standing.reason());
        assertEquals(List.of(), standing.holds());
    }

    @Test
    void withoutConsentForThePurposeOnTheChannelTheMemberIsExcludedWithTheReason() {
        consent.granted.add(anna + "|marketing|sms");
        consent.granted.add(anna + "|newsletter|email");

        Standing standing = eligibility.of(anna, "marketing", "email");

        assertFalse(standing.included());
        assertEquals("excluded", standing.status());
        assertEquals("no consent for marketing on email", standing.reason());
        assertEquals(List.of("marketing|email"), consent.asked);
    }

    @Test
    void everyCampaignChannelIsAskedUnderTheSameConsentChannel() {
        for (String channel : CampaignRequests.CHANNELS) {
            consent.granted.add(anna + "|promo|" + channel);
            assertTrue(eligibility.of(anna, "promo", channel).included(), channel);
        }
        assertEquals(CampaignRequests.CHANNELS.stream().map(c -> "promo|" + c).toList(), consent.asked);
        assertThrows(IllegalArgumentException.class, () -> Eligibility.consentChannel("fax"));
    }

    @Test
    void aHoldExcludesWithItsReasonAndLiftingItIncludesAgain() {
        consent.granted.add(anna + "|marketing|email");
        holds.place(anna, CustomerHolds.CAMPAIGNS, "support", "ticket-1", "Open high-priority ticket #1: Invoice wrong");

        Standing held = eligibility.of(anna, "marketing", "email");
        assertFalse(held.included());
        assertEquals("held: Open high-priority ticket #1: Invoice wrong", held.reason());
        assertEquals(1, held.holds().size());
        assertEquals("support", held.holds().get(0).placedBy());

        holds.lift(CustomerHolds.CAMPAIGNS, "support", "ticket-1");
        assertTrue(eligibility.of(anna, "marketing", "email").included(), "the hold is asked again at read time");
    }

    @Test
    void holdsOfOtherScopesOrCustomersDoNotCount() {
        consent.granted.add(anna + "|marketing|email");
        holds.place(anna, "calls", "support", "ticket-2", "no calls");
        holds.place(UUID.randomUUID(), CustomerHolds.CAMPAIGNS, "support", "ticket-3", "someone else");

        assertTrue(eligibility.of(anna, "marketing", "email").included());
    }

    @Test
    void noConsentAndAHoldGiveBothReasonsConsentFirst() {
        holds.place(anna, CustomerHolds.CAMPAIGNS, "support", "ticket-4", "Open high-priority ticket #4");
        holds.place(anna, CustomerHolds.CAMPAIGNS, "support", "ticket-5", "Open high-priority ticket #5");

        Standing standing = eligibility.of(anna, "marketing", "sms");

        assertEquals(List.of("no consent for marketing on sms", "held: Open high-priority ticket #4", "held: Open high-priority ticket #5"),
                standing.reasons());
        assertEquals("no consent for marketing on sms", standing.reason());
    }
}
