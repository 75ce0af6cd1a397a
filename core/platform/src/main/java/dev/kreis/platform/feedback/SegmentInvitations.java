package dev.kreis.platform.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.api.Page;
import dev.kreis.platform.customer.CustomerDirectory;
import dev.kreis.platform.customer.CustomerSummary;
import dev.kreis.platform.privacy.ErasedCustomers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Invites a segment to a survey: the customers the customer list's filters find (search text, kind, source),
 * newest first as the list shows them, at most a limit. A preview only counts them. Erased customers are
 * skipped, never invited.
 */
@ApplicationScoped
public class SegmentInvitations {
    /** The most customers one request invites. */
    public static final int MAX_LIMIT = 500;
    private static final int PAGE = 100;

    private final CustomerDirectory customers;
    private final Invitations invitations;
    private final Surveys surveys;
    private final ErasedCustomers erased;

    SegmentInvitations(CustomerDirectory customers, Invitations invitations, Surveys surveys, ErasedCustomers erased) {
        this.customers = customers;
        this.invitations = invitations;
        this.surveys = surveys;
        this.erased = erased;
    }

    /** A segment: the customer list's filters, each null when not filtering. */
    public record Segment(String q, String kind, String source) {
    }

    /** The customers found: up to {@code limit}, and whether more match than that. */
    public record Matches(List<UUID> customerIds, boolean more) {
    }

    /** What inviting did: the invitations (with their tokens, shown once) and whether more customers matched than the limit. */
    public record Outcome(List<Invitations.Issued> issued, boolean more) {
    }

    /** The customers of the segment, at most {@code limit}; nothing changes. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Matches preview(UUID surveyId, Segment segment, int limit) {
        surveys.get(surveyId);
        return match(segment, limit);
    }

    /** Invites the segment's customers, at most {@code limit}, all in one transaction: all are invited or none. */
    @Transactional
    public Outcome invite(UUID surveyId, Segment segment, int limit, String actor) {
        surveys.get(surveyId);
        Matches matches = match(segment, limit);
        List<Invitations.Issued> issued = new ArrayList<>();
        for (UUID customerId : matches.customerIds()) {
            issued.add(invitations.invite(surveyId, customerId, null, actor));
        }
        return new Outcome(issued, matches.more());
    }

    private Matches match(Segment segment, int limit) {
        List<UUID> found = new ArrayList<>();
        Cursor cursor = null;
        for (;;) {
            Page<CustomerSummary> page = customers.search(segment.q(), segment.kind(), segment.source(), cursor, PAGE);
            for (CustomerSummary customer : page.items()) {
                if (erased.erased(customer.id())) {
                    continue;
                }
                if (found.size() == limit) {
                    return new Matches(found, true);
                }
                found.add(customer.id());
            }
            if (page.nextCursor() == null) {
                return new Matches(found, false);
            }
            cursor = Cursor.decode(page.nextCursor());
        }
    }
}
