package dev.kreis.platform.identity.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import dev.kreis.platform.customer.AttributeObservation;
import dev.kreis.platform.identity.Identifier;
import dev.kreis.platform.identity.IdentifierType;
import dev.kreis.platform.identity.MatchProfile;
import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/** Profiles with their attributes and identifiers. Callers run inside a transaction. */
@ApplicationScoped
public class ProfileRepository {
    private static final String COLUMNS = "p.id, p.customer_id, p.source, p.external_id, p.kind, p.organisation_id, p.observed_at, p.created_at";

    private final Jdbc jdbc;
    private final ObjectMapper json;

    ProfileRepository(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<ProfileRow> findBySourceAndExternalId(String source, String externalId) {
        return jdbc.queryOne("select " + COLUMNS + " from profile p where p.source = ? and p.external_id = ?",
                ProfileRepository::row, source, externalId);
    }

    public Optional<ProfileRow> find(UUID id) {
        return jdbc.queryOne("select " + COLUMNS + " from profile p where p.id = ?", ProfileRepository::row, id);
    }

    public List<ProfileRow> ofCustomers(Collection<UUID> customerIds) {
        return Jdbc.inChunks(customerIds, chunk -> jdbc.query("select " + COLUMNS + " from profile p where p.customer_id in ("
                + Jdbc.markers(chunk.size()) + ") order by p.created_at, p.id", ProfileRepository::row, chunk.toArray()));
    }

    public void insert(ProfileRow profile) {
        jdbc.update("insert into profile (id, customer_id, source, external_id, kind, organisation_id, observed_at, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)",
                profile.id(), profile.customerId(), profile.source(), profile.externalId(), profile.kind(),
                profile.organisationId(), profile.observedAt(), profile.createdAt());
    }

    /** Stores the profile's organisation, observation time and what search and matching read. */
    public void update(UUID id, UUID organisationId, OffsetDateTime observedAt, MatchProfile match) {
        jdbc.update("update profile set organisation_id = ?, observed_at = ?, search_name = ?, match_name = ?, match_company = ?,"
                + " match_address = ?, block_key = ? where id = ?", organisationId, observedAt, match.searchName(),
                truncate(match.fullName()), truncate(match.company()), truncate(match.address()), match.blockKey(), id);
    }

    public void moveAll(UUID fromCustomer, UUID toCustomer) {
        jdbc.update("update profile set customer_id = ? where customer_id = ?", toCustomer, fromCustomer);
    }

    public void move(Collection<UUID> profileIds, UUID toCustomer) {
        Jdbc.inChunks(profileIds, chunk -> {
            List<Object> params = new ArrayList<>();
            params.add(toCustomer);
            params.addAll(chunk);
            jdbc.update("update profile set customer_id = ? where id in (" + Jdbc.markers(chunk.size()) + ")", params.toArray());
            return List.of();
        });
    }

    /** Current attribute values of one profile, by name. */
    public Map<String, AttributeObservation> attributes(ProfileRow profile) {
        Map<String, AttributeObservation> result = new LinkedHashMap<>();
        jdbc.query("select name, attr_value, observed_at from profile_attribute where profile_id = ? order by name",
                row -> new AttributeObservation(profile.id(), profile.source(), row.getString("name"),
                        read(row.getString("attr_value")), Jdbc.time(row, "observed_at")),
                profile.id()).forEach(a -> result.put(a.name(), a));
        return result;
    }

    /** Current attribute observations of the given profiles (removed ones as JSON null), by profile and name. */
    public Map<UUID, Map<String, AttributeObservation>> observationsOfProfiles(Collection<ProfileRow> profiles) {
        Map<UUID, ProfileRow> byId = new HashMap<>();
        profiles.forEach(p -> byId.put(p.id(), p));
        Map<UUID, Map<String, AttributeObservation>> result = new HashMap<>();
        Jdbc.inChunks(byId.keySet(), chunk -> jdbc.query("select profile_id, name, attr_value, observed_at from profile_attribute where profile_id in ("
                + Jdbc.markers(chunk.size()) + ") order by profile_id, name", row -> {
                    ProfileRow profile = byId.get(Jdbc.uuid(row, "profile_id"));
                    String name = row.getString("name");
                    result.computeIfAbsent(profile.id(), k -> new LinkedHashMap<>()).put(name, new AttributeObservation(profile.id(),
                            profile.source(), name, read(row.getString("attr_value")), Jdbc.time(row, "observed_at")));
                    return null;
                }, chunk.toArray()));
        return result;
    }

    /**
     * Applies observed attribute values: a value replaces the stored one unless the stored one was
     * observed later. A JSON null removes the attribute by storing a null observation (a tombstone),
     * so an older value arriving later cannot bring it back. Answers the profile's attribute values
     * afterwards (removed ones as JSON null).
     */
    public Map<String, JsonNode> applyAttributes(ProfileRow profile, Map<String, JsonNode> values, OffsetDateTime observedAt) {
        Map<String, AttributeObservation> current = attributes(profile);
        Map<String, JsonNode> after = new LinkedHashMap<>();
        current.forEach((name, observation) -> after.put(name, observation.value()));
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        values.forEach((name, value) -> {
            AttributeObservation stored = current.get(name);
            if (stored != null && stored.observedAt().isAfter(observedAt)) {
                return;
            }
            String json = value == null ? "null" : write(value);
            after.put(name, value == null ? NullNode.getInstance() : value);
            if (stored == null) {
                inserts.add(new Object[] { profile.id(), name, json, observedAt });
            } else {
                updates.add(new Object[] { json, observedAt, profile.id(), name });
            }
        });
        jdbc.batch("insert into profile_attribute (profile_id, name, attr_value, observed_at) values (?, ?, ?, ?)", inserts);
        jdbc.batch("update profile_attribute set attr_value = ?, observed_at = ? where profile_id = ? and name = ?", updates);
        return after;
    }

    /**
     * Attribute observations of the profiles of the given customers, grouped by customer; profiles whose
     * CRM record was deleted ({@code deleted_at}) are history and no longer observe anything.
     */
    public Map<UUID, List<AttributeObservation>> observationsOfCustomers(Collection<UUID> customerIds) {
        Map<UUID, List<AttributeObservation>> result = new HashMap<>();
        Jdbc.inChunks(customerIds, chunk -> jdbc.query(
                "select p.customer_id, p.id, p.source, a.name, a.attr_value, a.observed_at from profile p"
                        + " join profile_attribute a on a.profile_id = p.id where p.customer_id in (" + Jdbc.markers(chunk.size()) + ")"
                        + " and p.deleted_at is null",
                row -> {
                    result.computeIfAbsent(Jdbc.uuid(row, "customer_id"), k -> new ArrayList<>())
                            .add(new AttributeObservation(Jdbc.uuid(row, "id"), row.getString("source"), row.getString("name"),
                                    read(row.getString("attr_value")), Jdbc.time(row, "observed_at")));
                    return null;
                }, chunk.toArray()));
        return result;
    }

    /** Current (not removed) attribute values of the given profiles, grouped by profile. */
    public Map<UUID, Map<String, JsonNode>> attributesOfProfiles(Collection<UUID> profileIds) {
        Map<UUID, Map<String, JsonNode>> result = new HashMap<>();
        Jdbc.inChunks(profileIds, chunk -> jdbc.query("select profile_id, name, attr_value from profile_attribute where profile_id in ("
                + Jdbc.markers(chunk.size()) + ") and attr_value <> 'null' order by name", row -> {
                    result.computeIfAbsent(Jdbc.uuid(row, "profile_id"), k -> new LinkedHashMap<>())
                            .put(row.getString("name"), read(row.getString("attr_value")));
                    return null;
                }, chunk.toArray()));
        return result;
    }

    public void replaceIdentifiers(UUID profileId, Set<Identifier> identifiers) {
        jdbc.update("delete from profile_identifier where profile_id = ?", profileId);
        jdbc.batch("insert into profile_identifier (profile_id, type, system, id_value) values (?, ?, ?, ?)",
                identifiers.stream().map(i -> new Object[] { profileId, i.type().wire(), i.system(), i.value() }).toList());
    }

    /** Identifiers of the given profiles, grouped by profile. */
    public Map<UUID, List<Identifier>> identifiersOfProfiles(Collection<UUID> profileIds) {
        Map<UUID, List<Identifier>> result = new LinkedHashMap<>();
        Jdbc.inChunks(profileIds, chunk -> jdbc.query("select profile_id, type, system, id_value from profile_identifier where profile_id in ("
                + Jdbc.markers(chunk.size()) + ") order by type, system, id_value", row -> {
                    result.computeIfAbsent(Jdbc.uuid(row, "profile_id"), k -> new ArrayList<>()).add(identifier(row));
                    return null;
                }, chunk.toArray()));
        return result;
    }

    /** Every stored profile carrying one of the identifiers, oldest profile first. */
    public List<IdentifierMatch> findByIdentifiers(Collection<Identifier> identifiers) {
        Set<Identifier> wanted = Set.copyOf(identifiers);
        List<String> values = wanted.stream().map(Identifier::value).distinct().collect(Collectors.toList());
        List<IdentifierMatch> matches = Jdbc.inChunks(values, chunk -> jdbc.query(
                "select i.type, i.system, i.id_value, p.id, p.customer_id, p.source, p.kind, p.created_at from profile_identifier i"
                        + " join profile p on p.id = i.profile_id where i.id_value in (" + Jdbc.markers(chunk.size()) + ")",
                row -> new IdentifierMatch(identifier(row), Jdbc.uuid(row, "id"), Jdbc.uuid(row, "customer_id"),
                        row.getString("source"), row.getString("kind"), Jdbc.time(row, "created_at")),
                chunk.toArray()));
        return matches.stream().filter(m -> wanted.contains(m.identifier()))
                .sorted(java.util.Comparator.comparing(IdentifierMatch::profileCreatedAt).thenComparing(IdentifierMatch::profileId))
                .toList();
    }

    /** A profile in a block, with the normalised fields matching compares. */
    public record BlockMember(UUID profileId, UUID customerId, MatchProfile match) {
    }

    /** The most recently created profiles in a block (for merge suggestions), outside one customer. */
    public List<BlockMember> inBlock(String blockKey, String kind, UUID excludeCustomer, int limit) {
        return jdbc.query("select id, customer_id, match_name, match_company, match_address from profile"
                + " where block_key = ? and kind = ? and customer_id <> ? order by created_at desc limit " + limit,
                row -> new BlockMember(Jdbc.uuid(row, "id"), Jdbc.uuid(row, "customer_id"), new MatchProfile(kind,
                        text(row.getString("match_name")), text(row.getString("match_company")), text(row.getString("match_address")), "")),
                blockKey, kind, excludeCustomer);
    }

    /** A block's newest profiles: as {@link #inBlock} answers them, but for every customer and with the block named. */
    public record BlockEntry(String blockKey, String kind, BlockMember member) {
    }

    /**
     * The newest {@code perBlock} profiles of each of the given blocks (of any kind, every customer), newest first
     * within a block: the candidates of many written profiles at once, read in one query per 500 blocks.
     */
    public List<BlockEntry> newestInBlocks(Collection<String> blockKeys, int perBlock) {
        return Jdbc.inChunks(List.copyOf(blockKeys), chunk -> {
            List<Object> params = new ArrayList<>(chunk);
            params.add(perBlock);
            return jdbc.query("select id, customer_id, block_key, kind, match_name, match_company, match_address from (select id, customer_id,"
                    + " block_key, kind, match_name, match_company, match_address, row_number() over (partition by block_key, kind"
                    + " order by created_at desc, id desc) as place from profile where block_key in (" + Jdbc.markers(chunk.size()) + "))"
                    + " ranked where place <= ? order by block_key, kind, place",
                    row -> new BlockEntry(row.getString("block_key"), row.getString("kind"), new BlockMember(Jdbc.uuid(row, "id"),
                            Jdbc.uuid(row, "customer_id"), new MatchProfile(row.getString("kind"), text(row.getString("match_name")),
                                    text(row.getString("match_company")), text(row.getString("match_address")), ""))),
                    params.toArray());
        });
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String truncate(String value) {
        return value == null || value.isEmpty() ? null : value.length() > 512 ? value.substring(0, 512) : value;
    }

    private static Identifier identifier(ResultSet row) throws SQLException {
        return new Identifier(IdentifierType.fromWire(row.getString("type")).orElseThrow(), row.getString("system"), row.getString("id_value"));
    }

    static ProfileRow row(ResultSet row) throws SQLException {
        return new ProfileRow(Jdbc.uuid(row, "id"), Jdbc.uuid(row, "customer_id"), row.getString("source"),
                row.getString("external_id"), row.getString("kind"), Jdbc.uuid(row, "organisation_id"),
                Jdbc.time(row, "observed_at"), Jdbc.time(row, "created_at"));
    }

    private JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attribute is not JSON", e);
        }
    }

    private String write(JsonNode value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
