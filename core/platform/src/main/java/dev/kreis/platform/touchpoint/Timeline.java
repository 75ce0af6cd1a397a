package dev.kreis.platform.touchpoint;

import java.util.UUID;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.api.Page;
import dev.kreis.platform.identity.persistence.CustomerClusterRepository;
import dev.kreis.platform.api.NotFoundProblem;
import dev.kreis.platform.touchpoint.persistence.StoredTouchpoint;
import dev.kreis.platform.touchpoint.persistence.TouchpointRepository;
import dev.kreis.platform.touchpoint.persistence.TouchpointRepository.TimelineFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** A customer's touchpoints from all its profiles, newest first, page by page. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Timeline {
    private final CustomerClusterRepository clusters;
    private final TouchpointRepository touchpoints;

    Timeline(CustomerClusterRepository clusters, TouchpointRepository touchpoints) {
        this.clusters = clusters;
        this.touchpoints = touchpoints;
    }

    public Page<StoredTouchpoint> of(UUID customerId, TimelineFilter filter, Cursor after, int limit) {
        UUID customer = clusters.resolve(customerId).orElseThrow(() -> new NotFoundProblem("customer", customerId)).id();
        return Page.of(touchpoints.timeline(customer, filter, after, limit + 1), limit, t -> Cursor.after(t.occurredAt(), t.id()));
    }
}
