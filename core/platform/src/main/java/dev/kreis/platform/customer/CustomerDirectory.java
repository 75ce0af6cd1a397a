package dev.kreis.platform.customer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.api.NotFoundProblem;
import dev.kreis.platform.api.Page;
import dev.kreis.platform.customer.persistence.CustomerSearchRepository;
import dev.kreis.platform.customer.persistence.SurvivorshipRepository;
import dev.kreis.platform.identity.Identifier;
import dev.kreis.platform.identity.IdentifierNormaliser;
import dev.kreis.platform.identity.IdentifierType;
import dev.kreis.platform.identity.MatchProfile;
import dev.kreis.platform.identity.persistence.CustomerClusterRepository;
import dev.kreis.platform.identity.persistence.CustomerClusterRepository.ClusterRow;
import dev.kreis.platform.identity.persistence.ProfileRepository;
import dev.kreis.platform.identity.persistence.ProfileRow;
import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Reads customers: the golden record of one (derived on read from its profiles with the current
 * survivorship policies, so a policy change applies at once), and search by name, e-mail, phone or
 * external id.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CustomerDirectory {
    private static final int MAX_MEMBERS = 100;

    private final CustomerClusterRepository clusters;
    private final ProfileRepository profiles;
    private final SurvivorshipRepository policies;
    private final CustomerSearchRepository search;
    private final IdentifierNormaliser normaliser;
    private final Jdbc jdbc;

    CustomerDirectory(CustomerClusterRepository clusters, ProfileRepository profiles, SurvivorshipRepository policies,
            CustomerSearchRepository search, IdentifierNormaliser normaliser, Jdbc jdbc) {
        this.clusters = clusters;
        this.profiles = profiles;
        this.policies = policies;
        this.search = search;
        this.normaliser = normaliser;
        this.jdbc = jdbc;
    }

    /** The customer an id stands for (following merges), or 404. */
    public ClusterRow require(UUID id) {
        return clusters.resolve(id).orElseThrow(() -> new NotFoundProblem("customer", id));
    }

    public CustomerView view(UUID requestedId) {
        ClusterRow customer = require(requestedId);
        List<ProfileRow> rows = profiles.ofCustomers(List.of(customer.id()));
        List<UUID> profileIds = rows.stream().map(ProfileRow::id).toList();
        Map<UUID, Map<String, JsonNode>> attributes = profiles.attributesOfProfiles(profileIds);
        Map<UUID, List<Identifier>> identifiers = profiles.identifiersOfProfiles(profileIds);
        Map<String, GoldenAttribute> golden = GoldenRecord.derive(
                profiles.observationsOfCustomers(List.of(customer.id())).getOrDefault(customer.id(), List.of()), policies.load());

        List<CustomerView.IdentifierView> identifierViews = new ArrayList<>();
        List<CustomerView.ProfileView> profileViews = new ArrayList<>();
        for (ProfileRow row : rows) {
            identifiers.getOrDefault(row.id(), List.of()).forEach(i -> identifierViews.add(
                    new CustomerView.IdentifierView(i.type().wire(), i.value(), i.system(), row.id(), row.source())));
            profileViews.add(new CustomerView.ProfileView(row.id(), row.source(), row.externalId(), row.kind(), row.observedAt(),
                    row.createdAt(), attributes.getOrDefault(row.id(), Map.of())));
        }
        UUID organisationId = rows.stream().filter(r -> r.organisationId() != null)
                .max(Comparator.comparing(ProfileRow::observedAt))
                .flatMap(r -> clusters.resolve(r.organisationId())).map(ClusterRow::id).orElse(null);
        List<CustomerSummary> members = "organisation".equals(customer.kind()) ? members(customer.id()) : null;
        return new CustomerView(customer.id(), customer.kind(), displayName(golden, identifierViews), organisationId, golden,
                identifierViews, profileViews, members, customer.createdAt(), customer.updatedAt());
    }

    /** Customers whose name contains {@code q}, or who carry {@code q} as e-mail, phone, external id or custom key. */
    /** Customers matching {@code q} (all when blank), of {@code kind} and with a profile from {@code source} when given. */
    public Page<CustomerSummary> search(String q, String kind, String source, Cursor after, int limit) {
        String query = q == null || q.isBlank() ? null : q.trim();
        List<String> identifierValues = new ArrayList<>();
        String nameFragment = null;
        if (query != null) {
            identifierValues.add(query);
            normaliser.emailOf(query).ifPresent(identifierValues::add);
            if (query.chars().filter(Character::isDigit).count() >= 5) {
                normaliser.phoneOf(query).ifPresent(identifierValues::add);
            }
            String fragment = MatchProfile.searchForm(query);
            nameFragment = fragment.isEmpty() ? null : fragment;
        }
        Page<CustomerSearchRepository.Hit> hits = Page.of(search.search(query != null, nameFragment, identifierValues.stream().distinct().toList(),
                kind, source, after, limit + 1), limit, hit -> Cursor.after(hit.createdAt(), hit.id()));
        return new Page<>(summaries(hits.items()), hits.nextCursor());
    }

    /** The list form of one customer (following merges). */
    public CustomerSummary summary(UUID id) {
        ClusterRow customer = require(id);
        return summaries(List.of(new CustomerSearchRepository.Hit(customer.id(), customer.kind(), customer.createdAt()))).get(0);
    }

    /** Persons whose profiles name this organisation, or one that was merged into it. */
    private List<CustomerSummary> members(UUID organisationId) {
        List<UUID> organisationIds = clusters.withMergedInto(organisationId);
        List<CustomerSearchRepository.Hit> hits = jdbc.query("select distinct c.id, c.kind, c.created_at from customer c"
                + " join profile p on p.customer_id = c.id where p.organisation_id in (" + Jdbc.markers(organisationIds.size()) + ")"
                + " and c.merged_into is null order by c.created_at, c.id limit " + MAX_MEMBERS,
                row -> new CustomerSearchRepository.Hit(Jdbc.uuid(row, "id"), row.getString("kind"), Jdbc.time(row, "created_at")),
                organisationIds.toArray());
        return summaries(hits);
    }

    private List<CustomerSummary> summaries(List<CustomerSearchRepository.Hit> hits) {
        if (hits.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = hits.stream().map(CustomerSearchRepository.Hit::id).toList();
        SurvivorshipPolicies current = policies.load();
        Map<UUID, List<AttributeObservation>> observations = profiles.observationsOfCustomers(ids);
        List<ProfileRow> rows = profiles.ofCustomers(ids);
        Map<UUID, UUID> customerOfProfile = rows.stream().collect(Collectors.toMap(ProfileRow::id, ProfileRow::customerId));
        Map<UUID, List<Identifier>> identifiers = new HashMap<>();
        profiles.identifiersOfProfiles(customerOfProfile.keySet()).forEach((profileId, list) ->
                identifiers.computeIfAbsent(customerOfProfile.get(profileId), k -> new ArrayList<>()).addAll(list));
        List<CustomerSummary> result = new ArrayList<>();
        for (CustomerSearchRepository.Hit hit : hits) {
            Map<String, GoldenAttribute> golden = GoldenRecord.derive(observations.getOrDefault(hit.id(), List.of()), current);
            List<Identifier> own = identifiers.getOrDefault(hit.id(), List.of());
            Optional<String> email = first(own, IdentifierType.EMAIL);
            result.add(new CustomerSummary(hit.id(), hit.kind(), displayName(golden, email.orElse(null)), email.orElse(null),
                    first(own, IdentifierType.PHONE).orElse(null), hit.createdAt()));
        }
        return result;
    }

    private static String displayName(Map<String, GoldenAttribute> golden, List<CustomerView.IdentifierView> identifiers) {
        return displayName(golden, identifiers.stream().filter(i -> i.type().equals("email")).map(CustomerView.IdentifierView::value)
                .sorted().findFirst().orElse(null));
    }

    /** The golden name, else first and last name, else company, else the e-mail address. */
    static String displayName(Map<String, GoldenAttribute> golden, String email) {
        Map<String, String> text = new LinkedHashMap<>();
        golden.forEach((name, attribute) -> {
            if (attribute.value().isValueNode()) {
                text.put(name, attribute.value().asText().trim());
            }
        });
        if (text.containsKey("name")) {
            return text.get("name");
        }
        String full = (text.getOrDefault("firstName", "") + " " + text.getOrDefault("lastName", "")).trim();
        if (!full.isEmpty()) {
            return full;
        }
        return text.getOrDefault("company", email);
    }

    private static Optional<String> first(List<Identifier> identifiers, IdentifierType type) {
        return identifiers.stream().filter(i -> i.type() == type).map(Identifier::value).sorted().findFirst();
    }
}
