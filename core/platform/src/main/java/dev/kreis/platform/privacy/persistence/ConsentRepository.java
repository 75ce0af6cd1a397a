package dev.kreis.platform.privacy.persistence;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import dev.kreis.platform.privacy.ConsentDecision;
import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/** Consent decisions, one row per profile, purpose and channel holding the prevailing decision. */
@ApplicationScoped
public class ConsentRepository {
    private final Jdbc jdbc;

    ConsentRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores each decision on each profile unless the profile holds a prevailing one (newer, or as new and
     * withdrawn while the new one grants).
     */
    public void apply(Collection<UUID> profileIds, List<ConsentDecision> decisions, OffsetDateTime now) {
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        for (UUID profile : profileIds) {
            for (ConsentDecision d : decisions) {
                updates.add(new Object[] { d.status().wire(), d.decidedAt(), d.source(), d.reason(), now, profile, d.purpose(), d.channel(),
                        d.decidedAt(), d.decidedAt(), d.status().wire() });
                inserts.add(new Object[] { profile, d.purpose(), d.channel(), d.status().wire(), d.decidedAt(), d.source(), d.reason(), now });
            }
        }
        jdbc.batch("update consent set status = ?, decided_at = ?, source = ?, reason = ?, recorded_at = ? where profile_id = ? and purpose = ?"
                + " and channel = ? and (decided_at < ? or (decided_at = ? and (? = 'withdrawn' or status = 'granted')))", updates);
        jdbc.batch("insert into consent (profile_id, purpose, channel, status, decided_at, source, reason, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict do nothing", inserts);
    }

    /** Every decision stored on the profiles of a customer. */
    public List<ConsentDecision> ofCustomer(UUID customerId) {
        return jdbc.query("select c.purpose, c.channel, c.status, c.decided_at, c.source, c.reason from consent c"
                + " join profile p on p.id = c.profile_id where p.customer_id = ?",
                row -> new ConsentDecision(row.getString("purpose"), row.getString("channel"),
                        ConsentDecision.Status.fromWire(row.getString("status")).orElseThrow(), Jdbc.time(row, "decided_at"),
                        row.getString("source"), row.getString("reason")), customerId);
    }

    /** Every decision stored on a customer's profiles for one purpose, on the channel or {@code any}. */
    public List<ConsentDecision> ofCustomer(UUID customerId, String purpose, String channel) {
        return jdbc.query("select c.purpose, c.channel, c.status, c.decided_at, c.source, c.reason from consent c"
                + " join profile p on p.id = c.profile_id where p.customer_id = ? and c.purpose = ? and c.channel in (?, 'any')",
                row -> new ConsentDecision(row.getString("purpose"), row.getString("channel"),
                        ConsentDecision.Status.fromWire(row.getString("status")).orElseThrow(), Jdbc.time(row, "decided_at"),
                        row.getString("source"), row.getString("reason")), customerId, purpose, channel);
    }

    /** Removes every decision stored on the profiles; answers how many rows went. */
    public int countOfProfiles(Collection<UUID> profileIds) {
        if (profileIds.isEmpty()) {
            return 0;
        }
        return jdbc.queryOne("select count(*) as n from consent where profile_id in (" + Jdbc.markers(profileIds.size()) + ")", row -> row.getInt("n"),
                profileIds.toArray()).orElse(0);
    }

    public int deleteOfProfiles(Collection<UUID> profileIds) {
        if (profileIds.isEmpty()) {
            return 0;
        }
        return jdbc.update("delete from consent where profile_id in (" + Jdbc.markers(profileIds.size()) + ")", profileIds.toArray());
    }
}
