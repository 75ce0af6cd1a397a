package dev.kreis.platform.customer.api;

import dev.kreis.platform.security.Permissions;
import io.quarkus.security.PermissionsAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.Problem.FieldError;
import dev.kreis.platform.audit.Actors;
import dev.kreis.platform.audit.AuditLog;
import dev.kreis.platform.customer.SurvivorshipPolicies;
import dev.kreis.platform.customer.SurvivorshipPolicy;
import dev.kreis.platform.customer.SurvivorshipStrategy;
import dev.kreis.platform.customer.persistence.SurvivorshipRepository;
import dev.kreis.platform.identity.api.ProfileRequests;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/survivorship")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class SurvivorshipResource {
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");
    private static final int MAX_POLICIES = 500;
    private static final String STRATEGIES = "source_priority, most_recent, most_frequent, first_non_empty";

    private final SurvivorshipRepository repository;
    private final AuditLog audit;
    private final SecurityIdentity identity;

    SurvivorshipResource(SurvivorshipRepository repository, AuditLog audit, SecurityIdentity identity) {
        this.repository = repository;
        this.audit = audit;
        this.identity = identity;
    }

    /** One attribute's policy on the wire. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record PolicyDto(
            @Schema(required = true, enumeration = { "source_priority", "most_recent", "most_frequent", "first_non_empty" },
                    description = "How the surviving value is chosen") String strategy,
            @Schema(description = "Sources in order of priority (source_priority needs at least one; others may name none); left out when empty") List<String> sources) {
    }

    /** All policies: the default and the per-attribute overrides. */
    @Schema(example = """
            {"defaultPolicy": {"strategy": "most_recent"},
             "attributes": {"email": {"strategy": "source_priority", "sources": ["crm", "shop"]}, "firstName": {"strategy": "most_frequent"}}}""")
    public record PoliciesDto(@Schema(required = true, description = "The policy of every attribute without one of its own") PolicyDto defaultPolicy,
            @Schema(description = "Policies per attribute name (at most 500); always in answers, may be left out in a change (none)") Map<String, PolicyDto> attributes) {
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @PermissionsAllowed(Permissions.SURVIVORSHIP_READ)
    @Operation(operationId = "getSurvivorship", summary = "The survivorship policy of every golden attribute")
    public PoliciesDto get() {
        SurvivorshipPolicies policies = repository.load();
        Map<String, PolicyDto> attributes = new TreeMap<>();
        policies.attributes().forEach((name, policy) -> attributes.put(name, dto(policy)));
        return new PoliciesDto(dto(policies.defaultPolicy()), attributes);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @PermissionsAllowed(Permissions.SURVIVORSHIP_WRITE)
    @Operation(operationId = "replaceSurvivorship", summary = "Replace the survivorship policies; golden records reflect them at once")
    @APIResponse(responseCode = "422", description = "An unknown strategy, or sources missing for source_priority")
    @APIResponse(responseCode = "200")
    public PoliciesDto put(PoliciesDto body) {
        if (body == null) {
            throw new InvalidInputException("body", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        SurvivorshipPolicy fallback = policy("defaultPolicy", body.defaultPolicy(), errors);
        Map<String, SurvivorshipPolicy> attributes = new LinkedHashMap<>();
        Map<String, PolicyDto> given = body.attributes() == null ? Map.of() : body.attributes();
        if (given.size() > MAX_POLICIES) {
            errors.add(new FieldError("attributes", "must hold at most " + MAX_POLICIES + " policies"));
        } else {
            given.forEach((name, dto) -> {
                if (!ATTRIBUTE.matcher(name).matches()) {
                    errors.add(new FieldError("attributes." + name, "is not a valid attribute name"));
                } else {
                    SurvivorshipPolicy policy = policy("attributes." + name, dto, errors);
                    if (policy != null) {
                        attributes.put(name, policy);
                    }
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        PoliciesDto before = get();
        repository.replace(new SurvivorshipPolicies(fallback, attributes));
        PoliciesDto after = get();
        audit.record(Actors.of(identity), "survivorship.replaced", "survivorship", null, before, after);
        return after;
    }

    private static SurvivorshipPolicy policy(String field, PolicyDto dto, List<FieldError> errors) {
        if (dto == null) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        SurvivorshipStrategy strategy = SurvivorshipStrategy.fromWire(dto.strategy()).orElse(null);
        if (strategy == null) {
            errors.add(new FieldError(field + ".strategy", "must be one of " + STRATEGIES));
            return null;
        }
        List<String> sources = new ArrayList<>();
        List<String> given = dto.sources() == null ? List.of() : dto.sources();
        for (int i = 0; i < given.size(); i++) {
            String source = ProfileRequests.source(field + ".sources[" + i + "]", given.get(i), errors);
            sources.add(source);
        }
        if (strategy == SurvivorshipStrategy.SOURCE_PRIORITY && given.isEmpty()) {
            errors.add(new FieldError(field + ".sources", "source_priority needs at least one source"));
            return null;
        }
        return new SurvivorshipPolicy(strategy, sources);
    }

    private static PolicyDto dto(SurvivorshipPolicy policy) {
        return new PolicyDto(policy.strategy().wire(), policy.sources());
    }
}
