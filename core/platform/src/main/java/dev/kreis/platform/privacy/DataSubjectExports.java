package dev.kreis.platform.privacy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.api.Page;
import dev.kreis.platform.audit.AuditLog;
import dev.kreis.platform.customer.CustomerDirectory;
import dev.kreis.platform.customer.CustomerView;
import dev.kreis.platform.feedback.persistence.SurveyRepository;
import dev.kreis.platform.identity.Identifier;
import dev.kreis.platform.identity.persistence.CustomerClusterRepository;
import dev.kreis.platform.identity.persistence.CustomerClusterRepository.ClusterRow;
import dev.kreis.platform.identity.persistence.IdentityEventRepository;
import dev.kreis.platform.identity.persistence.IdentityEventRepository.EventRow;
import dev.kreis.platform.identity.persistence.MergeSuggestionRepository;
import dev.kreis.platform.identity.persistence.ProfileRepository;
import dev.kreis.platform.identity.persistence.ProfileRow;
import dev.kreis.platform.privacy.DataSubjectExport.IdentifierExport;
import dev.kreis.platform.privacy.DataSubjectExport.InvitationExport;
import dev.kreis.platform.privacy.DataSubjectExport.ObservedValue;
import dev.kreis.platform.privacy.DataSubjectExport.ProfileExport;
import dev.kreis.platform.privacy.DataSubjectExport.SuggestionExport;
import dev.kreis.platform.privacy.persistence.ConsentRepository;
import dev.kreis.platform.privacy.persistence.ErasureRepository;
import dev.kreis.platform.touchpoint.Timeline;
import dev.kreis.platform.touchpoint.api.TouchpointView;
import dev.kreis.platform.touchpoint.persistence.StoredTouchpoint;
import dev.kreis.platform.touchpoint.persistence.TouchpointRepository.TimelineFilter;
import dev.kreis.spi.privacy.PersonalDataContributor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

/** Assembles a customer's {@link DataSubjectExport} (following merges, like reading the customer) and audits it. */
@ApplicationScoped
public class DataSubjectExports {
    private static final int PAGE = 500;
    private static final int MAX_HISTORY = 10_000;
    private static final TimelineFilter EVERYTHING = new TimelineFilter(null, null, null, null, null, null);

    private final CustomerDirectory directory;
    private final CustomerClusterRepository clusters;
    private final ProfileRepository profiles;
    private final Timeline timeline;
    private final ConsentRepository consents;
    private final IdentityEventRepository events;
    private final MergeSuggestionRepository suggestions;
    private final ErasureRepository erasures;
    private final SurveyRepository surveys;
    private final Instance<PersonalDataContributor> contributors;
    private final AuditLog audit;
    private final Clock clock;

    DataSubjectExports(CustomerDirectory directory, CustomerClusterRepository clusters, ProfileRepository profiles, Timeline timeline,
            ConsentRepository consents, IdentityEventRepository events, MergeSuggestionRepository suggestions, ErasureRepository erasures,
            SurveyRepository surveys, Instance<PersonalDataContributor> contributors, AuditLog audit, Clock clock) {
        this.directory = directory;
        this.clusters = clusters;
        this.profiles = profiles;
        this.timeline = timeline;
        this.consents = consents;
        this.events = events;
        this.suggestions = suggestions;
        this.erasures = erasures;
        this.surveys = surveys;
        this.contributors = contributors;
        this.audit = audit;
        this.clock = clock;
    }

    /** The summary the audit log keeps of an export: what was handed out, not the data. */
    public record ExportSummary(List<UUID> customerIds, int profiles, int touchpoints, int consents, List<String> modules) {
    }

    @Transactional
    public DataSubjectExport export(UUID requestedId, String actor) {
        ClusterRow customer = directory.require(requestedId);
        CustomerView view = directory.view(customer.id());
        List<UUID> customerIds = clusters.withMergedInto(customer.id());
        List<ProfileRow> rows = profiles.ofCustomers(List.of(customer.id()));
        List<UUID> profileIds = rows.stream().map(ProfileRow::id).toList();
        Map<UUID, List<Identifier>> identifiers = profiles.identifiersOfProfiles(profileIds);
        List<ProfileExport> profileExports = new ArrayList<>();
        for (ProfileRow row : rows) {
            Map<String, ObservedValue> attributes = new TreeMap<>();
            profiles.attributes(row).forEach((name, observation) -> {
                if (!observation.value().isNull()) {
                    attributes.put(name, new ObservedValue(observation.value(), observation.observedAt()));
                }
            });
            profileExports.add(new ProfileExport(row.id(), row.source(), row.externalId(), row.kind(), row.organisationId(),
                    row.observedAt(), row.createdAt(), attributes, identifiers.getOrDefault(row.id(), List.of()).stream()
                            .map(i -> new IdentifierExport(i.type().wire(), i.system(), i.value())).toList()));
        }
        List<TouchpointView> touchpoints = touchpoints(customer.id());
        List<ConsentDecision> consentState = ConsentState.of(consents.ofCustomer(customer.id())).decisions();
        Map<String, Map<UUID, Map<String, Object>>> modules = modules(customerIds);
        DataSubjectExport export = new DataSubjectExport(OffsetDateTime.now(clock), customer.id(), customerIds, view, profileExports,
                touchpoints, consentState, history(customerIds), suggestions(profileIds), invitations(customerIds), audit.about(customerIds),
                erasures.ofCustomer(customer.id()).orElse(null), modules);
        audit.record(actor, "customer.exported", "customer", customer.id().toString(), null,
                new ExportSummary(customerIds, rows.size(), touchpoints.size(), consentState.size(), List.copyOf(modules.keySet())),
                customerIds);
        return export;
    }

    private List<TouchpointView> touchpoints(UUID customerId) {
        List<TouchpointView> all = new ArrayList<>();
        Cursor cursor = null;
        do {
            Page<StoredTouchpoint> page = timeline.of(customerId, EVERYTHING, cursor, PAGE);
            page.items().forEach(t -> all.add(TouchpointView.of(t)));
            cursor = page.nextCursor() == null ? null : Cursor.decode(page.nextCursor());
        } while (cursor != null);
        return all;
    }

    private List<EventRow> history(List<UUID> customerIds) {
        Map<UUID, EventRow> unique = new LinkedHashMap<>();
        customerIds.forEach(id -> events.history(id, MAX_HISTORY).forEach(e -> unique.putIfAbsent(e.id(), e)));
        List<EventRow> list = new ArrayList<>(unique.values());
        list.sort(Comparator.comparing(EventRow::occurredAt).thenComparing(EventRow::id));
        return list;
    }

    private List<SuggestionExport> suggestions(List<UUID> profileIds) {
        return suggestions.involving(profileIds).stream().map(s -> new SuggestionExport(s.id(), s.score(),
                Arrays.asList(s.reasons().split("\n")), s.status(), List.of(s.profileA(), s.profileB()),
                List.of(s.customerA(), s.customerB()), s.createdAt())).toList();
    }

    private List<InvitationExport> invitations(List<UUID> customerIds) {
        return surveys.invitationsOfCustomers(customerIds).stream().map(i -> new InvitationExport(i.id(), i.surveyId(), i.customerId(),
                i.contextTouchpointId(), i.createdBy(), i.createdAt(), i.expiresAt(), i.answeredAt(), i.responseTouchpointId())).toList();
    }

    private Map<String, Map<UUID, Map<String, Object>>> modules(List<UUID> customerIds) {
        Map<String, Map<UUID, Map<String, Object>>> modules = new TreeMap<>();
        for (PersonalDataContributor contributor : contributors) {
            Map<UUID, Map<String, Object>> perCustomer = new LinkedHashMap<>();
            for (UUID id : customerIds) {
                Map<String, Object> data = contributor.export(id);
                if (data != null && !data.isEmpty()) {
                    perCustomer.put(id, data);
                }
            }
            modules.put(contributor.id(), perCustomer);
        }
        return modules;
    }
}
