package dev.kreis.module.marketing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.kreis.module.marketing.Eligibility.Standing;
import dev.kreis.module.marketing.MarketingStore.Campaign;
import dev.kreis.module.marketing.MarketingStore.EmailEvent;
import dev.kreis.spi.api.FieldProblems;
import dev.kreis.spi.customer.CustomerLookup;
import dev.kreis.spi.touchpoint.NewTouchpoint;
import dev.kreis.spi.touchpoint.RecordedTouchpoint;
import dev.kreis.spi.touchpoint.TouchpointSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.transaction.Transactional;

/**
 * E-mail events from the sending provider: each becomes a row and a {@code marketing.email_<event>}
 * touchpoint. A batch is validated whole before anything is written; an external id seen before is a
 * duplicate and answered with the stored event. Thread-safe.
 */
@ApplicationScoped
public class EmailEvents {
    static final int MAX_BATCH = 1000;

    private final MarketingStore store;
    private final CustomerLookup customers;
    private final TouchpointSink sink;
    private final Campaigns campaigns;
    private final Validator validator;
    private final Clock clock = Clock.systemUTC();

    EmailEvents(MarketingStore store, CustomerLookup customers, TouchpointSink sink, Campaigns campaigns, Validator validator) {
        this.validator = validator;
        this.store = store;
        this.customers = customers;
        this.sink = sink;
        this.campaigns = campaigns;
    }

    /** One event as given, syntactically valid. */
    record Item(String path, UUID campaignId, UUID customerId, String event, Instant occurredAt, String externalId) {
    }

    /** The result of one request: whether it was a batch, and each event's view with its duplicate flag. */
    record Result(boolean batch, List<MarketingViews.EmailEventView> items, int accepted, int duplicates) {
    }

    @Transactional
    public Result record(MarketingRequests.EmailEventsRequest body) {
        Instant now = clock.instant();
        FieldProblems fields = new FieldProblems();
        boolean batch = body instanceof MarketingRequests.EmailEventBatch;
        List<MarketingRequests.EmailEvent> events = body instanceof MarketingRequests.EmailEventBatch many ? many.events()
                : List.of((MarketingRequests.EmailEvent) body);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String path = batch ? "events[" + i + "]." : "";
            MarketingRequests.EmailEvent event = events.get(i);
            if (event == null) {
                fields.add("events[" + i + "]", "must be an object");
                continue;
            }
            Set<ConstraintViolation<MarketingRequests.EmailEvent>> violations = batch ? validator.validate(event) : Set.of();
            violations.forEach(v -> fields.add(path + v.getPropertyPath(), v.getMessage()));
            if (event.occurredAt() != null) {
                MarketingRequests.occurred(event.occurredAt(), path + "occurredAt", now, fields);
            }
            if (!violations.isEmpty()) {
                continue;
            }
            items.add(new Item(path, event.campaignId(), event.customerId(), event.event(), event.occurredAt(), event.externalId()));
        }
        fields.throwIfAny();

        // Semantics: known campaigns on the e-mail channel, known customers, and sends only to included members.
        Map<String, EmailEvent> stored = store.emailEventsByExternalId(items.stream().map(Item::externalId).toList());
        Map<UUID, Campaign> known = store.campaigns(items.stream().map(Item::campaignId).toList());
        Map<UUID, Optional<UUID>> current = new HashMap<>();
        Map<String, Item> seen = new HashMap<>();
        List<UUID> resolved = new ArrayList<>();
        for (Item item : items) {
            UUID customer = null;
            if (!stored.containsKey(item.externalId()) && !seen.containsKey(item.externalId())) {
                customer = check(item, known, current, fields);
            }
            seen.putIfAbsent(item.externalId(), item);
            resolved.add(customer);
        }
        fields.throwIfAny();

        List<MarketingViews.EmailEventView> views = new ArrayList<>();
        int accepted = 0;
        int duplicates = 0;
        Map<String, EmailEvent> written = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            EmailEvent existing = stored.containsKey(item.externalId()) ? stored.get(item.externalId()) : written.get(item.externalId());
            if (existing != null) {
                duplicates++;
                views.add(view(existing, true));
                continue;
            }
            UUID id = UUID.randomUUID();
            UUID customer = resolved.get(i);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("campaignId", item.campaignId().toString());
            payload.put("emailEventId", id.toString());
            payload.put("event", item.event());
            payload.put("providerId", item.externalId());
            RecordedTouchpoint touchpoint = sink.record(MarketingTypes.MODULE, NewTouchpoint.of("email:" + item.externalId(), customer,
                    MarketingTypes.EMAIL_EVENTS.get(item.event()), item.occurredAt(), payload));
            EmailEvent event = new EmailEvent(id, item.externalId(), item.campaignId(), customer, item.event(), item.occurredAt(),
                    touchpoint.touchpointId(), now);
            store.insertEmailEvent(event);
            written.put(item.externalId(), event);
            accepted++;
            views.add(view(event, false));
        }
        return new Result(batch, views, accepted, duplicates);
    }

    /** The customer's current id if the event may be recorded; else a problem naming the field. */
    private UUID check(Item item, Map<UUID, Campaign> known, Map<UUID, Optional<UUID>> current, FieldProblems fields) {
        Campaign campaign = known.get(item.campaignId());
        if (campaign == null) {
            fields.add(item.path() + "campaignId", "no campaign " + item.campaignId());
            return null;
        }
        if (!campaign.draft().channel().equals("email")) {
            fields.add(item.path() + "campaignId", "campaign " + item.campaignId() + " is on channel " + campaign.draft().channel()
                    + ", e-mail events need an email campaign");
            return null;
        }
        Optional<UUID> customer = current.computeIfAbsent(item.customerId(), customers::current);
        if (customer.isEmpty()) {
            fields.add(item.path() + "customerId", "no customer " + item.customerId());
            return null;
        }
        if (item.event().equals("sent")) {
            if (!store.isMember(item.campaignId(), customer.get()) && !store.isMember(item.campaignId(), item.customerId())) {
                fields.add(item.path() + "customerId", "not a member of campaign " + item.campaignId() + " (refresh its members first)");
                return null;
            }
            Standing standing = campaigns.eligibility().of(customer.get(), campaign.draft().purpose(), campaign.draft().channel());
            if (!standing.included()) {
                fields.add(item.path() + "customerId", "excluded from campaign " + item.campaignId() + ": " + String.join("; ", standing.reasons()));
                return null;
            }
        }
        return customer.get();
    }

    static MarketingViews.EmailEventView view(EmailEvent event, boolean duplicate) {
        return new MarketingViews.EmailEventView(event.id(), event.externalId(), event.campaignId(), event.customerId(), event.event(),
                MarketingTypes.EMAIL_EVENTS.get(event.event()), event.occurredAt(), event.touchpointId(), duplicate);
    }
}
