package dev.kreis.platform.signal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.kreis.platform.api.NotFoundProblem;
import dev.kreis.platform.signal.persistence.SignalStateRepository;
import dev.kreis.platform.signal.persistence.SignalStateRepository.Tag;
import jakarta.enterprise.context.ApplicationScoped;

/** The tags rules put on customers, read for the customer view (tags of customers merged into it included). */
@ApplicationScoped
public class CustomerTags {
    private final SignalStateRepository state;

    CustomerTags(SignalStateRepository state) {
        this.state = state;
    }

    /** Tags of the customer the id names now (a merged id forwards to its survivor), each tag once, earliest first. */
    public List<Tag> of(UUID customerId) {
        UUID current = state.current(customerId).orElseThrow(() -> new NotFoundProblem("customer", customerId));
        Map<String, Tag> byName = new TreeMap<>();
        for (Tag tag : state.tags(state.withMerged(current))) {
            byName.merge(tag.tag(), tag, (a, b) -> a.taggedAt().isAfter(b.taggedAt()) ? b : a);
        }
        return List.copyOf(byName.values());
    }
}
