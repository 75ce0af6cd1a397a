package dev.kreis.platform.privacy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kreis.platform.api.NotFoundProblem;
import dev.kreis.platform.audit.AuditEntry;
import dev.kreis.platform.audit.AuditLog;
import dev.kreis.platform.audit.persistence.AuditRepository;
import dev.kreis.platform.identity.Identifier;
import dev.kreis.platform.identity.persistence.CustomerClusterRepository;
import dev.kreis.platform.identity.persistence.CustomerClusterRepository.ClusterRow;
import dev.kreis.platform.identity.persistence.ProfileRepository;
import dev.kreis.platform.identity.persistence.ProfileRow;
import dev.kreis.platform.privacy.persistence.ConsentRepository;
import dev.kreis.platform.privacy.persistence.ErasureRepository;
import dev.kreis.platform.privacy.persistence.PersonalDataRepository;
import dev.kreis.spi.privacy.PersonalDataContributor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

/**
 * Erases a customer (all profiles of its cluster): personal values are removed or anonymised, ids and
 * non-personal facts of touchpoints stay so figures computed over them do not change, the person's
 * identifiers and profile keys go onto the suppression list, every module erases its part, and a receipt
 * records what was done. All of it is one transaction; copies outside Kreis (CRM connections) are queued in
 * it and erased after it committed, with their outcomes on the receipt. Erasing an erased customer again runs all of it
 * again over what exists now (profiles merged in since, anything modules hold) and answers a new receipt.
 */
@ApplicationScoped
public class Erasure {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(Erasure.class);
    private static final int MAX_REASON = 1024;

    private final CustomerClusterRepository clusters;
    private final ProfileRepository profiles;
    private final PersonalDataRepository personalData;
    private final ConsentRepository consents;
    private final ErasureRepository erasures;
    private final AuditRepository auditEntries;
    private final Suppressions suppressions;
    private final Instance<PersonalDataContributor> contributors;
    private final Instance<ErasurePropagation> propagations;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    Erasure(CustomerClusterRepository clusters, ProfileRepository profiles, PersonalDataRepository personalData, ConsentRepository consents,
            ErasureRepository erasures, AuditRepository auditEntries, Suppressions suppressions, Instance<PersonalDataContributor> contributors,
            Instance<ErasurePropagation> propagations, AuditLog audit, ObjectMapper json, Clock clock) {
        this.clusters = clusters;
        this.profiles = profiles;
        this.personalData = personalData;
        this.consents = consents;
        this.erasures = erasures;
        this.auditEntries = auditEntries;
        this.suppressions = suppressions;
        this.contributors = contributors;
        this.propagations = propagations;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Erases the customer in one transaction, then, after it committed and outside any transaction, carries
     * the erasure to the systems outside Kreis (CRM connections); their outcomes are on the receipt
     * ({@link #elsewhere}). A delivery that fails is recorded as {@code failed}; one cut short by a stopped
     * node stays {@code pending} until the sync scheduler's sweep delivers it.
     */
    public ErasureReceipt erase(UUID requestedId, String reason, String actor) {
        ErasureReceipt receipt = QuarkusTransaction.requiringNew().call(() -> eraseInTransaction(requestedId, reason, actor));
        for (ErasurePropagation propagation : propagations) {
            try {
                propagation.deliver(receipt.receiptId());
            } catch (RuntimeException e) {
                LOG.warnf(e, "Erasure %s: delivery to systems outside Kreis failed; the sweep retries", receipt.receiptId());
            }
        }
        return receipt;
    }

    private ErasureReceipt eraseInTransaction(UUID requestedId, String reason, String actor) {
        ClusterRow customer = clusters.resolve(requestedId).orElseThrow(() -> new NotFoundProblem("customer", requestedId));
        clusters.lock(List.of(customer.id()));
        List<ProfileRow> rows = profiles.ofCustomers(List.of(customer.id()));
        List<UUID> customerIds = clusters.withMergedInto(customer.id());
        List<UUID> profileIds = rows.stream().map(ProfileRow::id).toList();
        Map<UUID, List<Identifier>> identifiers = profiles.identifiersOfProfiles(profileIds);
        Map<UUID, Map<String, JsonNode>> attributes = profiles.attributesOfProfiles(profileIds);
        Traces traces = traces(rows, identifiers, attributes);

        for (PersonalDataContributor contributor : contributors) {
            customerIds.forEach(contributor::erase);
        }
        List<ProfileRow> live = rows.stream().filter(p -> !p.externalId().equals(PersonalDataRepository.erasedExternalId(p.id()))).toList();
        UUID receiptId = UUID.randomUUID();
        OffsetDateTime queuedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        for (ErasurePropagation propagation : propagations) {
            propagation.queue(receiptId, live, queuedAt);
        }
        int identifierCount = personalData.deleteIdentifiers(profileIds);
        personalData.deleteAttributes(profileIds);
        consents.deleteOfProfiles(profileIds);
        rows.forEach(p -> personalData.replaceInEventReasons(p.source() + "/" + p.externalId(),
                p.source() + "/" + PersonalDataRepository.erasedExternalId(p.id())));
        personalData.anonymiseProfiles(profileIds);
        int touchpointCount = personalData.dropPayloads(profileIds);
        personalData.dropOpenSuggestions(profileIds);
        personalData.eraseSuggestionReasons(profileIds);
        scrubAuditEntries(customerIds, traces.values());
        // stored with microseconds, so the receipt answered now equals the one read back later
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        personalData.expireSurveyInvitations(customerIds, now);

        String cleanReason = reason == null || reason.isBlank() ? null : truncate(traces.values().scrub(reason.trim()));
        ErasureReceipt receipt = new ErasureReceipt(receiptId, customer.id(), now, actor, cleanReason, rows.size(),
                identifierCount, touchpointCount, traces.keys().size());
        erasures.insert(receipt, customerIds);
        suppressions.suppress(traces.keys(), receipt.receiptId());
        audit.record(actor, "customer.erased", "customer", customer.id().toString(), null, receipt, customerIds);
        return receipt;
    }

    /**
     * What {@link #erase} would do to the customer now, counted; nothing changes. The sources name the systems whose
     * profiles are anonymised (values are not shown: the preview itself must not spread them).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ErasurePreview preview(UUID requestedId) {
        ClusterRow customer = clusters.resolve(requestedId).orElseThrow(() -> new NotFoundProblem("customer", requestedId));
        List<ProfileRow> rows = profiles.ofCustomers(List.of(customer.id()));
        List<UUID> profileIds = rows.stream().map(ProfileRow::id).toList();
        Map<UUID, List<Identifier>> identifiers = profiles.identifiersOfProfiles(profileIds);
        Map<UUID, Map<String, JsonNode>> attributes = profiles.attributesOfProfiles(profileIds);
        Traces traces = traces(rows, identifiers, attributes);
        List<String> sources = rows.stream().map(ProfileRow::source).distinct().sorted().toList();
        return new ErasurePreview(customer.id(), rows.size(), identifiers.values().stream().mapToInt(List::size).sum(),
                attributes.values().stream().mapToInt(Map::size).sum(), consents.countOfProfiles(profileIds), personalData.countTouchpoints(profileIds),
                traces.keys().size(), sources);
    }

    /** The counts of an erasure preview. */
    public record ErasurePreview(
            @Schema(required = true, description = "The customer (the surviving one if the id asked for was merged away)") UUID customerId,
            @Schema(required = true, description = "Profiles that would be anonymised") int profiles,
            @Schema(required = true, description = "Identifiers (e-mail addresses, phone numbers, ...) that would be removed") int identifiers,
            @Schema(required = true, description = "Attribute values that would be removed") int attributes,
            @Schema(required = true, description = "Consent records of the profiles") int consents,
            @Schema(required = true, description = "Touchpoints whose personal payload would be removed") int touchpoints,
            @Schema(required = true, description = "Keys that would go onto the suppression list") int suppressedIdentifiers,
            @Schema(required = true, description = "The sources (systems) of the profiles, sorted") List<String> sources) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ErasureReceipt receipt(UUID receiptId) {
        return erasures.find(receiptId).orElseThrow(() -> new NotFoundProblem("erasure receipt", receiptId));
    }

    /** What the erasure with this receipt did in systems outside Kreis (CRM connections). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ErasedElsewhere> elsewhere(UUID receiptId) {
        List<ErasedElsewhere> all = new ArrayList<>();
        propagations.forEach(p -> all.addAll(p.outcomes(receiptId)));
        return all;
    }

    /** What identifies the person: the keys for the suppression list, and the values to take out of what stays. */
    private record Traces(List<String> keys, PersonalValues values) {
    }

    /**
     * Profiles erased before (a repeated erasure) have nothing left to trace. Besides the identifiers and profile keys,
     * e-mail addresses and phone numbers found in attribute values and custom keys are suppressed, so the person cannot
     * come back through them either.
     */
    private Traces traces(List<ProfileRow> rows, Map<UUID, List<Identifier>> identifiers, Map<UUID, Map<String, JsonNode>> attributes) {
        Set<String> keys = new LinkedHashSet<>();
        List<String> plain = new ArrayList<>();
        identifiers.values().forEach(list -> list.forEach(i -> {
            keys.addAll(suppressions.keysOf(i));
            plain.add(i.value());
        }));
        attributes.values().forEach(map -> map.values().forEach(value -> {
            if (value.isTextual()) {
                suppressions.shapedKey(value.asText()).ifPresent(keys::add);
            }
        }));
        rows.stream().filter(p -> !p.externalId().equals(PersonalDataRepository.erasedExternalId(p.id()))).forEach(p -> {
            keys.add(Suppressions.profileKey(p.source(), p.externalId()));
            plain.add(p.externalId());
        });
        List<JsonNode> values = new ArrayList<>();
        attributes.values().forEach(map -> values.addAll(map.values()));
        return new Traces(List.copyOf(keys), PersonalValues.of(plain, values));
    }

    private void scrubAuditEntries(List<UUID> customerIds, PersonalValues personal) {
        for (AuditEntry entry : audit.about(customerIds)) {
            String before = scrubJson(entry.before(), personal);
            String after = scrubJson(entry.after(), personal);
            if (!Objects.equals(before, entry.before()) || !Objects.equals(after, entry.after())) {
                auditEntries.scrub(entry.id(), before, after);
            }
        }
    }

    private String scrubJson(String text, PersonalValues personal) {
        if (text == null) {
            return null;
        }
        try {
            return json.writeValueAsString(personal.scrub(json.readTree(text)));
        } catch (JsonProcessingException e) {
            return personal.scrub(text);
        }
    }

    private static String truncate(String text) {
        return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) : text;
    }
}
