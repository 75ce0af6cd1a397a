package dev.kreis.platform.customer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kreis.platform.api.ApiException;
import dev.kreis.platform.identity.Identifier;
import dev.kreis.platform.identity.IdentifierNormaliser;
import dev.kreis.platform.identity.InvalidIdentifierException;
import dev.kreis.platform.identity.ProfileSubmission;
import dev.kreis.platform.identity.api.IdentifierRequest;
import dev.kreis.platform.identity.persistence.CustomerClusterRepository;
import dev.kreis.platform.privacy.ErasedCustomers;
import dev.kreis.platform.privacy.ProfileAdmission;
import dev.kreis.platform.storage.Jdbc;
import dev.kreis.spi.api.FieldProblem;
import dev.kreis.spi.api.ProblemException;
import dev.kreis.spi.customer.CustomerLookup;
import dev.kreis.spi.customer.ProfileInput;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The SPI's {@link CustomerLookup}: the customer directory and identity resolution as modules see them.
 * A profile a module submits is admitted like one sent to {@code POST /api/v1/profiles} (suppression
 * list included) with the module's id as its source.
 */
@ApplicationScoped
public class ModuleCustomerLookup implements CustomerLookup {
    static final int MAX_SEGMENT = 100_000;
    static final int MAX_ATTRIBUTES = 50;
    private static final Pattern ATTRIBUTE = Pattern.compile("[a-zA-Z][a-zA-Z0-9_.-]{0,99}");

    private final CustomerClusterRepository clusters;
    private final CustomerDirectory directory;
    private final ProfileAdmission admission;
    private final IdentifierNormaliser normaliser;
    private final Jdbc jdbc;
    private final dev.kreis.platform.privacy.Suppressions suppressions;
    private final ErasedCustomers erased;

    ModuleCustomerLookup(CustomerClusterRepository clusters, CustomerDirectory directory, ProfileAdmission admission, IdentifierNormaliser normaliser,
            Jdbc jdbc, dev.kreis.platform.privacy.Suppressions suppressions, ErasedCustomers erased) {
        this.suppressions = suppressions;
        this.erased = erased;
        this.clusters = clusters;
        this.directory = directory;
        this.admission = admission;
        this.normaliser = normaliser;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UUID> current(UUID customerId) {
        return customerId == null ? Optional.empty()
                : clusters.resolve(customerId).map(CustomerClusterRepository.ClusterRow::id).filter(id -> suppressions.erased(List.of(id)).isEmpty());
    }

    @Override
    public void refuseIfErased(UUID customerId, String field) {
        erased.refuseWrite(customerId, field);
    }

    @Override
    public Optional<UUID> byEmail(String email) {
        Optional<String> normal = email == null ? Optional.empty() : normaliser.emailOf(email);
        if (normal.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.queryOne("select p.customer_id from profile_identifier i join profile p on p.id = i.profile_id"
                + " where i.id_value = ? and i.type = 'email' and i.system = '' order by p.customer_id", row -> Jdbc.uuid(row, "customer_id"),
                normal.get()).flatMap(this::current);
    }

    @Override
    public UUID submit(ProfileInput profile) {
        List<FieldProblem> problems = new ArrayList<>();
        List<IdentifierRequest> requested = new ArrayList<>();
        Set<Identifier> identifiers = new LinkedHashSet<>();
        profile.email().ifPresent(email -> add("email", email, requested, identifiers, problems));
        profile.phone().ifPresent(phone -> add("phone", phone, requested, identifiers, problems));
        if (profile.attributes().size() > MAX_ATTRIBUTES) {
            problems.add(new FieldProblem("attributes", "at most " + MAX_ATTRIBUTES));
        }
        Map<String, JsonNode> attributes = new LinkedHashMap<>();
        profile.attributes().forEach((name, value) -> {
            if (!ATTRIBUTE.matcher(name).matches() || value == null || value.length() > 4096) {
                problems.add(new FieldProblem(name, "attribute names are letters, digits, '_', '.', '-'; values at most 4096 characters"));
            } else {
                attributes.put(name, TextNode.valueOf(value));
            }
        });
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        ProfileSubmission submission = new ProfileSubmission(profile.source(), profile.externalId(), "person", attributes, identifiers,
                !identifiers.isEmpty(), Optional.empty(), Optional.empty());
        try {
            return admission.admit(submission, requested, List.of(), profile.source()).customerId();
        } catch (ApiException e) {
            throw new ProblemException(e.status(), e.toProblem().title(), e.getMessage(),
                    e.errors().stream().map(f -> new FieldProblem(f.field().startsWith("identifiers[0]") ? requested.get(0).type()
                            : f.field().startsWith("identifiers[1]") ? "phone" : f.field(), f.message())).toList());
        }
    }

    private void add(String type, String value, List<IdentifierRequest> requested, Set<Identifier> identifiers, List<FieldProblem> problems) {
        try {
            identifiers.add(normaliser.normalise(type, null, value));
            requested.add(new IdentifierRequest(type, value, null));
        } catch (InvalidIdentifierException e) {
            problems.add(new FieldProblem(type, e.getMessage()));
        }
    }

    @Override
    public Optional<String> displayName(UUID customerId) {
        return current(customerId).map(directory::summary).map(CustomerSummary::displayName);
    }

    @Override
    public Optional<String> email(UUID customerId) {
        return current(customerId).map(directory::summary).map(CustomerSummary::email);
    }

    @Override
    public List<UUID> segment(Map<String, String> attributeEquals, int limit) {
        if (limit < 1 || limit > MAX_SEGMENT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_SEGMENT);
        }
        if (attributeEquals.isEmpty() || attributeEquals.size() > 10) {
            throw new IllegalArgumentException("a segment needs 1 to 10 attribute conditions");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        String kind = null;
        for (Map.Entry<String, String> condition : attributeEquals.entrySet()) {
            if (!ATTRIBUTE.matcher(condition.getKey()).matches()) {
                throw new IllegalArgumentException("not an attribute name: " + condition.getKey());
            }
            if (condition.getKey().equals("kind")) {
                kind = condition.getValue();
            } else {
                attributes.put(condition.getKey(), condition.getValue());
            }
        }
        // Candidates: customers with a profile observing each value; then the golden record decides.
        StringBuilder sql = new StringBuilder("select c.id from customer c where c.merged_into is null");
        List<Object> params = new ArrayList<>();
        if (kind != null) {
            sql.append(" and c.kind = ?");
            params.add(kind);
        }
        for (Map.Entry<String, String> condition : attributes.entrySet()) {
            sql.append(" and exists (select 1 from profile p join profile_attribute a on a.profile_id = p.id where p.customer_id = c.id"
                    + " and a.name = ? and (a.attr_value = ? or a.attr_value = ?))");
            params.add(condition.getKey());
            params.add(condition.getValue());
            params.add(TextNode.valueOf(condition.getValue()).toString());
        }
        sql.append(" order by c.created_at, c.id");
        List<UUID> candidates = jdbc.query(sql.toString(), row -> Jdbc.uuid(row, "id"), params.toArray());
        List<UUID> members = new ArrayList<>();
        for (UUID candidate : candidates) {
            if (members.size() >= limit) {
                break;
            }
            if (attributes.isEmpty() || matches(directory.view(candidate).attributes(), attributes)) {
                members.add(candidate);
            }
        }
        return members;
    }

    private static boolean matches(Map<String, GoldenAttribute> golden, Map<String, String> conditions) {
        for (Map.Entry<String, String> condition : conditions.entrySet()) {
            GoldenAttribute attribute = golden.get(condition.getKey());
            if (attribute == null || attribute.value() == null) {
                return false;
            }
            JsonNode value = attribute.value();
            String text = value.isTextual() ? value.asText() : value.toString();
            if (!text.equals(condition.getValue())) {
                return false;
            }
        }
        return true;
    }
}
