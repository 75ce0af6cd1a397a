package dev.kreis.module.marketing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.kreis.module.marketing.Eligibility.Standing;
import dev.kreis.module.marketing.MarketingStore.Campaign;
import dev.kreis.module.marketing.MarketingStore.Member;
import dev.kreis.spi.api.ProblemException;
import dev.kreis.spi.customer.CustomerHolds;
import dev.kreis.spi.customer.CustomerLookup;
import dev.kreis.spi.customer.Hold;
import dev.kreis.spi.privacy.ConsentService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Campaigns and their members: create, change, delete, resolve the audience, and who is included now. Thread-safe. */
@ApplicationScoped
public class Campaigns {
    private final MarketingStore store;
    private final CustomerLookup customers;
    private final Eligibility eligibility;
    private final Clock clock = Clock.systemUTC();

    Campaigns(MarketingStore store, CustomerLookup customers, ConsentService consent, CustomerHolds holds) {
        this.store = store;
        this.customers = customers;
        this.eligibility = new Eligibility(consent, holds);
    }

    Eligibility eligibility() {
        return eligibility;
    }

    @Transactional
    public Map<String, Object> create(JsonNode body) {
        Fields fields = Fields.collect();
        CampaignDraft draft = CampaignDraft.create(Fields.object(body), fields);
        fields.throwIfAny();
        checkSegment(draft.audience());
        UUID id = UUID.randomUUID();
        store.insertCampaign(id, draft, clock.instant());
        return view(store.campaign(id).orElseThrow(), true);
    }

    @Transactional
    public Map<String, Object> change(UUID id, JsonNode body) {
        Fields.object(body);
        Campaign campaign = store.campaignForUpdate(id).orElseThrow(() -> notFound(id));
        Fields fields = Fields.collect();
        CampaignDraft changed = campaign.draft().change(body, fields);
        fields.throwIfAny();
        boolean audienceChanged = body.has("audience");
        if (audienceChanged) {
            checkSegment(changed.audience());
        }
        store.updateCampaign(id, changed, audienceChanged, clock.instant());
        return view(store.campaign(id).orElseThrow(), true);
    }

    @Transactional
    public void delete(UUID id) {
        if (!store.deleteCampaign(id)) {
            throw notFound(id);
        }
    }

    public Map<String, Object> get(UUID id) {
        return view(store.campaign(id).orElseThrow(() -> notFound(id)), true);
    }

    public Map<String, Object> list(String limitParam, String cursorParam) {
        int limit = Paging.limit(limitParam);
        String[] cursor = Paging.decode(cursorParam, 2);
        List<Campaign> page = cursor == null ? store.campaigns(null, null, limit + 1)
                : store.campaigns(Paging.instant(cursor[0]), Paging.uuid(cursor[1]), limit + 1);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Campaign campaign : page.subList(0, Math.min(limit, page.size()))) {
            items.add(view(campaign, false));
        }
        String next = null;
        if (page.size() > limit) {
            Campaign last = page.get(limit - 1);
            next = Paging.encode(last.createdAt().toString(), last.id().toString());
        }
        return Paging.page(items, next);
    }

    /**
     * Resolves the audience into members: a list's ids as they are now (merged ids become the surviving
     * customer, unknown or erased ids are skipped), or the segment's customers (at most 10,000).
     */
    @Transactional
    public Map<String, Object> refresh(UUID id) {
        Campaign campaign = store.campaignForUpdate(id).orElseThrow(() -> notFound(id));
        LinkedHashSet<UUID> members = new LinkedHashSet<>();
        int skipped = 0;
        if (campaign.draft().audience() instanceof Audience.Segment segment) {
            members.addAll(segment(segment.filter(), Audience.MAX_LIST));
        } else if (campaign.draft().audience() instanceof Audience.StaticList list) {
            for (UUID customerId : list.customerIds()) {
                Optional<UUID> current = customers.current(customerId);
                if (current.isPresent()) {
                    members.add(current.get());
                } else {
                    skipped++;
                }
            }
        }
        Instant now = clock.instant();
        store.replaceMembers(id, members, now);
        store.markRefreshed(id, now);
        int included = 0;
        for (UUID member : members) {
            if (eligibility.of(member, campaign.draft().purpose(), campaign.draft().channel()).included()) {
                included++;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("campaignId", id);
        out.put("refreshedAt", now.toString());
        out.put("members", members.size());
        out.put("included", included);
        out.put("excluded", members.size() - included);
        out.put("skipped", skipped);
        return out;
    }

    /** Members ordered by customer id, each with its standing now; {@code status} keeps only included or excluded ones. */
    public Map<String, Object> members(UUID id, String statusParam, String limitParam, String cursorParam) {
        String status = null;
        if (statusParam != null && !statusParam.isBlank()) {
            status = statusParam.trim();
            if (!status.equals("included") && !status.equals("excluded")) {
                throw ProblemException.malformed("status", "must be included or excluded");
            }
        }
        int limit = Paging.limit(limitParam);
        String[] cursor = Paging.decode(cursorParam, 1);
        UUID after = cursor == null ? null : Paging.uuid(cursor[0]);
        Campaign campaign = store.campaign(id).orElseThrow(() -> notFound(id));
        List<Map<String, Object>> items = new ArrayList<>();
        String next = null;
        // Scans in chunks until a page of members with the wanted status is full; the standing is decided now.
        while (true) {
            List<Member> chunk = store.members(id, after, Math.max(limit, 100));
            for (Member member : chunk) {
                after = member.customerId();
                Standing standing = eligibility.of(member.customerId(), campaign.draft().purpose(), campaign.draft().channel());
                if (status != null && !status.equals(standing.status())) {
                    continue;
                }
                if (items.size() == limit) {
                    next = Paging.encode(((UUID) items.get(limit - 1).get("customerId")).toString());
                    return Paging.page(items, next);
                }
                items.add(memberView(member, standing));
            }
            if (chunk.size() < Math.max(limit, 100)) {
                return Paging.page(items, null);
            }
        }
    }

    private List<UUID> segment(Map<String, String> filter, int limit) {
        try {
            return customers.segment(filter, limit);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("audience.filter", e.getMessage());
        }
    }

    /** Asks the platform whether the filter's attributes exist, so a campaign with an unusable segment is refused at once. */
    private void checkSegment(Audience audience) {
        if (audience instanceof Audience.Segment segment) {
            segment(segment.filter(), 1);
        }
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("campaign " + id);
    }

    static Map<String, Object> memberView(Member member, Standing standing) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("customerId", member.customerId());
        out.put("status", standing.status());
        out.put("reason", standing.reason());
        out.put("reasons", standing.reasons());
        List<Map<String, Object>> holds = new ArrayList<>();
        for (Hold hold : standing.holds()) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("placedBy", hold.placedBy());
            h.put("reference", hold.reference());
            h.put("reason", hold.reason());
            h.put("placedAt", hold.placedAt().toString());
            holds.add(h);
        }
        out.put("holds", holds);
        out.put("addedAt", member.addedAt().toString());
        return out;
    }

    private Map<String, Object> view(Campaign campaign, boolean full) {
        CampaignDraft draft = campaign.draft();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", campaign.id());
        out.put("name", draft.name());
        out.put("channel", draft.channel());
        out.put("purpose", draft.purpose());
        out.put("startsOn", draft.startsOn() == null ? null : draft.startsOn().toString());
        out.put("endsOn", draft.endsOn() == null ? null : draft.endsOn().toString());
        out.put("budget", draft.budget());
        Map<String, Object> audience = draft.audience().json();
        if (!full && draft.audience() instanceof Audience.StaticList) {
            audience.remove("customerIds");
            audience.put("size", store.listSize(campaign.id()));
        } else if (draft.audience() instanceof Audience.StaticList list) {
            audience.put("size", list.customerIds().size());
        }
        out.put("audience", audience);
        out.put("createdAt", campaign.createdAt().toString());
        out.put("updatedAt", campaign.updatedAt().toString());
        out.put("refreshedAt", campaign.refreshedAt() == null ? null : campaign.refreshedAt().toString());
        return out;
    }
}
