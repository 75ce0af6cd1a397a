package dev.kreis.platform.privacy.persistence;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.ToIntFunction;

import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The statements erasure runs on other capabilities' tables (profiles, touchpoints, identity history,
 * merge suggestions). They live here, not in those capabilities' repositories, so that everything that
 * removes personal data can be read in one place.
 */
@ApplicationScoped
public class PersonalDataRepository {
    /** Replaces the reasons of merge suggestions involving an erased profile; they quote names and addresses. */
    public static final String ERASED_REASON = "erased";
    private static final int CHUNK = 500;

    private final Jdbc jdbc;

    PersonalDataRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public int deleteIdentifiers(Collection<UUID> profileIds) {
        return inChunks(profileIds, chunk -> jdbc.update("delete from profile_identifier where profile_id in ("
                + Jdbc.markers(chunk.size()) + ")", chunk.toArray()));
    }

    public int deleteAttributes(Collection<UUID> profileIds) {
        return inChunks(profileIds, chunk -> jdbc.update("delete from profile_attribute where profile_id in ("
                + Jdbc.markers(chunk.size()) + ")", chunk.toArray()));
    }

    /** Replaces each profile's external id with {@code erased:<profile id>} and clears what search and matching read. */
    public void anonymiseProfiles(Collection<UUID> profileIds) {
        jdbc.batch("update profile set external_id = ?, search_name = null, match_name = null, match_company = null,"
                + " match_address = null, block_key = null where id = ?",
                profileIds.stream().map(id -> new Object[] { erasedExternalId(id), id }).toList());
    }

    public static String erasedExternalId(UUID profileId) {
        return "erased:" + profileId;
    }

    /** Drops the payloads of the profiles' touchpoints; answers how many touchpoints the profiles have. */
    public int dropPayloads(Collection<UUID> profileIds) {
        int[] count = { 0 };
        inChunks(profileIds, chunk -> {
            count[0] += jdbc.queryOne("select count(*) as n from touchpoint where profile_id in (" + Jdbc.markers(chunk.size()) + ")",
                    row -> row.getInt("n"), chunk.toArray()).orElse(0);
            return jdbc.update("update touchpoint set payload = null where payload is not null and profile_id in ("
                    + Jdbc.markers(chunk.size()) + ")", chunk.toArray());
        });
        return count[0];
    }

    /** How many touchpoints of the profiles an erasure would strip of their payloads. */
    public int countTouchpoints(Collection<UUID> profileIds) {
        return inChunks(profileIds, chunk -> jdbc.queryOne("select count(*) as n from touchpoint where profile_id in (" + Jdbc.markers(chunk.size()) + ")",
                row -> row.getInt("n"), chunk.toArray()).orElse(0));
    }

    /** Drops the open merge suggestions involving the profiles: nobody may merge a living customer with an erased one. */
    public void dropOpenSuggestions(Collection<UUID> profileIds) {
        inChunks(profileIds, chunk -> {
            List<Object> params = new ArrayList<>(chunk);
            params.addAll(chunk);
            return jdbc.update("delete from merge_suggestion where status = 'open' and (profile_a in (" + Jdbc.markers(chunk.size())
                    + ") or profile_b in (" + Jdbc.markers(chunk.size()) + "))", params.toArray());
        });
    }

    public void eraseSuggestionReasons(Collection<UUID> profileIds) {
        inChunks(profileIds, chunk -> {
            List<Object> params = new ArrayList<>();
            params.add(ERASED_REASON);
            params.addAll(chunk);
            params.addAll(chunk);
            return jdbc.update("update merge_suggestion set reasons = ? where profile_a in (" + Jdbc.markers(chunk.size())
                    + ") or profile_b in (" + Jdbc.markers(chunk.size()) + ")", params.toArray());
        });
    }

    /** Ends the open survey invitations of the customers, so a link in an old e-mail no longer records an answer. */
    public int expireSurveyInvitations(Collection<UUID> customerIds, OffsetDateTime now) {
        return inChunks(customerIds, chunk -> {
            List<Object> params = new ArrayList<>();
            params.add(now);
            params.addAll(chunk);
            params.add(now);
            return jdbc.update("update survey_invitation set expires_at = ? where customer_id in (" + Jdbc.markers(chunk.size())
                    + ") and answered_at is null and expires_at > ?", params.toArray());
        });
    }

    /**
     * Replaces {@code text} in every identity-event reason that contains it (automatic merges name the profile that
     * linked the customers by source/external id). This reads the whole table: an event can name a profile that
     * never belonged to the customer it was made on (when a separation kept the profile's own customer out of the
     * merge), and erasures are rare next to merges.
     */
    public void replaceInEventReasons(String text, String replacement) {
        jdbc.update("update identity_event set reason = replace(reason, ?, ?) where reason <> replace(reason, ?, ?)", text, replacement,
                text, replacement);
    }

    private static int inChunks(Collection<UUID> ids, ToIntFunction<List<UUID>> work) {
        List<UUID> all = List.copyOf(ids);
        int total = 0;
        for (int from = 0; from < all.size(); from += CHUNK) {
            total += work.applyAsInt(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return total;
    }
}
