package dev.kreis.platform.identity.persistence;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kreis.platform.identity.Identifier;
import dev.kreis.platform.identity.MatchProfile;
import dev.kreis.platform.storage.DatabaseKind;
import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads and writes of many profiles at once, for batched identity resolution. Callers run inside a transaction. */
@ApplicationScoped
public class ProfileBatchRepository {
    private static final String COLUMNS = "p.id, p.customer_id, p.source, p.external_id, p.kind, p.organisation_id, p.observed_at, p.created_at";

    private final Jdbc jdbc;
    private final ObjectMapper json;

    ProfileBatchRepository(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A profile not stored yet, with what it brings. */
    public record NewProfile(ProfileRow profile, Map<String, JsonNode> attributes, Set<Identifier> identifiers, MatchProfile match) {
    }

    /**
     * The stored profiles with the given external ids, per source.
     *
     * <p>On PostgreSQL each id is looked up by itself in the {@code (source, external_id)} index, in a nested loop the
     * planner cannot turn around: a source new since the last {@code ANALYZE} (a connection's first sync, a first
     * import) is estimated at one row, and with an {@code IN} list PostgreSQL then reads every profile of the source and
     * filters them, which grows with each page written (13 ms a page at 35,000 profiles, measured in the sync
     * benchmark) where one probe per id stays under a millisecond.
     */
    public List<ProfileRow> findBySourceAndExternalIds(Map<String, List<String>> externalIdsBySource) {
        boolean postgresql = jdbc.kind() == DatabaseKind.POSTGRESQL;
        List<ProfileRow> found = new ArrayList<>();
        externalIdsBySource.forEach((source, ids) -> found.addAll(Jdbc.inChunks(ids.stream().distinct().toList(), chunk -> {
            if (postgresql) {
                return jdbc.query("select p.* from unnest(cast(? as text[])) as k(external_id) cross join lateral (select " + COLUMNS
                        + " from profile p where p.source = ? and p.external_id = k.external_id offset 0) p", ProfileRepository::row,
                        chunk.toArray(String[]::new), source);
            }
            List<Object> params = new ArrayList<>();
            params.add(source);
            params.addAll(chunk);
            return jdbc.query("select " + COLUMNS + " from profile p where p.source = ? and p.external_id in ("
                    + Jdbc.markers(chunk.size()) + ")", ProfileRepository::row, params.toArray());
        })));
        return found;
    }

    /** New customer rows, each with its kind. */
    public void insertCustomers(List<Map.Entry<UUID, String>> customers, OffsetDateTime now) {
        jdbc.insertAll("customer", List.of("id", "kind", "merged_into", "created_at", "updated_at"),
                customers.stream().map(c -> new Object[] { c.getKey(), c.getValue(), null, now, now }).toList());
    }

    /** The profiles with their attributes (observed when the profile was; null ones as removals) and identifiers. */
    public void insertProfiles(List<NewProfile> profiles) {
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> attributes = new ArrayList<>();
        List<Object[]> identifiers = new ArrayList<>();
        for (NewProfile p : profiles) {
            ProfileRow row = p.profile();
            MatchProfile match = p.match();
            rows.add(new Object[] { row.id(), row.customerId(), row.source(), row.externalId(), row.kind(), row.organisationId(),
                    match.searchName(), truncate(match.fullName()), truncate(match.company()), truncate(match.address()),
                    match.blockKey(), row.observedAt(), row.createdAt() });
            // A null value is stored as a removal (JSON null), as a one-by-one write stores it, so an older value cannot bring it back.
            p.attributes().forEach((name, value) -> attributes.add(new Object[] { row.id(), name, value == null ? "null" : write(value),
                    row.observedAt() }));
            p.identifiers().forEach(i -> identifiers.add(new Object[] { row.id(), i.type().wire(), i.system(), i.value() }));
        }
        jdbc.insertAll("profile", List.of("id", "customer_id", "source", "external_id", "kind", "organisation_id", "search_name", "match_name",
                "match_company", "match_address", "block_key", "observed_at", "created_at"), rows);
        jdbc.insertAll("profile_attribute", List.of("profile_id", "name", "attr_value", "observed_at"), attributes);
        jdbc.insertAll("profile_identifier", List.of("profile_id", "type", "system", "id_value"), identifiers);
    }

    /** A stored profile's new state after an update: observation time and what matching and search read. */
    public record ProfileUpdate(ProfileRow profile, MatchProfile match) {
    }

    /**
     * Writes the updates of many stored profiles: attribute observations inserted and replaced
     * ({@code [profileId, name, json, observedAt]} each), identifiers replaced for the profiles named in
     * {@code identifiers}, and the profiles' rows.
     */
    public void updateProfiles(List<Object[]> attributeInserts, List<Object[]> attributeUpdates, Map<UUID, Set<Identifier>> identifiers,
            List<ProfileUpdate> updates) {
        jdbc.batch("insert into profile_attribute (profile_id, name, attr_value, observed_at) values (?, ?, ?, ?)", attributeInserts);
        jdbc.batch("update profile_attribute set attr_value = ?, observed_at = ? where profile_id = ? and name = ?",
                attributeUpdates.stream().map(r -> new Object[] { r[2], r[3], r[0], r[1] }).toList());
        Jdbc.inChunks(identifiers.keySet(), chunk -> {
            jdbc.update("delete from profile_identifier where profile_id in (" + Jdbc.markers(chunk.size()) + ")", chunk.toArray());
            return List.of();
        });
        List<Object[]> identifierRows = new ArrayList<>();
        identifiers.forEach((profileId, set) -> set.forEach(i -> identifierRows.add(new Object[] { profileId, i.type().wire(), i.system(), i.value() })));
        jdbc.batch("insert into profile_identifier (profile_id, type, system, id_value) values (?, ?, ?, ?)", identifierRows);
        jdbc.batch("update profile set organisation_id = ?, observed_at = ?, search_name = ?, match_name = ?, match_company = ?,"
                + " match_address = ?, block_key = ? where id = ?", updates.stream().map(u -> new Object[] { u.profile().organisationId(),
                        u.profile().observedAt(), u.match().searchName(), truncate(u.match().fullName()), truncate(u.match().company()),
                        truncate(u.match().address()), u.match().blockKey(), u.profile().id() }).toList());
    }

    public void touchCustomers(Collection<UUID> customers, OffsetDateTime now) {
        jdbc.batch("update customer set updated_at = ? where id = ?", customers.stream().map(id -> new Object[] { now, id }).toList());
    }

    private static String truncate(String value) {
        return value == null || value.isEmpty() ? null : value.length() > 512 ? value.substring(0, 512) : value;
    }

    /** The value as stored in {@code profile_attribute.attr_value}. */
    public String json(JsonNode value) {
        return write(value);
    }

    private String write(JsonNode value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
