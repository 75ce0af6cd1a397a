package dev.kreis.spi.privacy;

import java.util.UUID;

/**
 * Answers whether Kreis holds a consent to contact a customer for a purpose on a channel. Modules inject
 * it (the platform provides the only implementation) and ask before every proactive contact, e.g. before
 * a marketing module sends a campaign e-mail.
 *
 * <p><b>Model.</b> A customer's consent state holds at most one effective decision per
 * {@code (purpose, channel)}: {@code granted} or {@code withdrawn}, with the time it was decided. Purposes
 * are lower-case keys such as {@code marketing}, {@code analytics}, {@code profiling} or
 * {@code service}; channels are the touchpoint channel names ({@code email}, {@code sms}, …,
 * see {@code dev.kreis.spi.touchpoint.Channel}) or {@code any}. Decisions are kept per profile and a
 * customer sees those of all its profiles: after a merge the newest decision per {@code (purpose, channel)}
 * counts (at equal times a withdrawal wins), after a split each customer keeps the decisions of its
 * profiles.
 *
 * <p><b>Rules</b> of {@link #mayContact} for a channel other than {@code any}, in this order:
 * <ol>
 * <li>the channel's own decision is {@code withdrawn}: {@code false};</li>
 * <li>the {@code any} decision is {@code withdrawn} and there is no channel decision, or the channel
 * decision is not newer than it: {@code false} (withdrawing {@code any} withdraws every channel; a later
 * grant for one channel opens that channel again);</li>
 * <li>the channel's own decision or the {@code any} decision is {@code granted}: {@code true};</li>
 * <li>no decision at all: {@code false}.</li>
 * </ol>
 * For the channel {@code any}, the answer is {@code true} exactly when the {@code any} decision is
 * {@code granted}. Unknown customers, customers that were erased and customers without decisions are
 * answered {@code false}. A customer id that was merged into another answers for the surviving customer.
 *
 * <p><b>Thread-safety:</b> implementations are application-scoped and safe for concurrent use. Each call
 * reads the committed state (it joins the caller's transaction if there is one).
 *
 * <p>Stability: stable.
 */
public interface ConsentService {

    /** The channel key that stands for every channel. */
    String ANY_CHANNEL = "any";

    /**
     * Whether the customer may be contacted for {@code purpose} on {@code channel}, by the rules above.
     *
     * @param customerId a customer id (merged ids are followed)
     * @param purpose a purpose key, e.g. {@code marketing}
     * @param channel a channel name, e.g. {@code email}, or {@code any}
     * @throws IllegalArgumentException if an argument is {@code null}, the purpose is not a lower-case key
     *         of at most 64 characters, or the channel is neither a channel name nor {@code any}
     */
    boolean mayContact(UUID customerId, String purpose, String channel);
}
