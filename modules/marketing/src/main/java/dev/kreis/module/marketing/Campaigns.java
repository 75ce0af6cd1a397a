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


import dev.kreis.module.marketing.Eligibility.Standing;
import dev.kreis.module.marketing.MarketingStore.Campaign;
import dev.kreis.module.marketing.MarketingStore.Member;
import dev.kreis.spi.api.FieldProblems;
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
    public MarketingViews.CampaignView create(CampaignRequests.Create body) {
        FieldProblems problems = new FieldProblems();
        CampaignDraft draft = CampaignDraft.create(body, problems);
        problems.throwIfAny();
        checkSegment(draft.audience());
        UUID id = UUID.randomUUID();
        store.insertCampaign(id, draft, clock.instant());
        return view(store.campaign(id).orElseThrow(), true);
    }

    @Transactional
    public MarketingViews.CampaignView change(UUID id, CampaignRequests.Change body) {
        Campaign campaign = store.campaignForUpdate(id).orElseThrow(() -> notFound(id));
        FieldProblems problems = new FieldProblems();
        CampaignDraft changed = campaign.draft().change(body, problems);
        problems.throwIfAny();
        boolean audienceChanged = body.audience() != null;
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

    public MarketingViews.CampaignView get(UUID id) {
        return view(store.campaign(id).orElseThrow(() -> notFound(id)), true);
    }

    public MarketingViews.CampaignPage list(String limitParam, String cursorParam) {
        int limit = Paging.limit(limitParam);
        String[] cursor = Paging.decode(cursorParam, 2);
        List<Campaign> page = cursor == null ? store.campaigns(null, null, limit + 1)
                : store.campaigns(Paging.instant(cursor[0]), Paging.uuid(cursor[1]), limit + 1);
        List<MarketingViews.CampaignView> items = new ArrayList<>();
        for (Campaign campaign : page.subList(0, Math.min(limit, page.size()))) {
            items.add(view(campaign, false));
        }
        String next = null;
        if (page.size() > limit) {
            Campaign last = page.get(limit - 1);
            next = Paging.encode(last.createdAt().toString(), last.id().toString());
        }
        return new MarketingViews.CampaignPage(items, next);
    }

    /**
     * Resolves the audience into members: a list's ids as they are now (merged ids become the surviving
     * customer, unknown or erased ids are skipped), or the segment's customers (at most 10,000).
     */
    @Transactional
    public MarketingViews.Refresh refresh(UUID id) {
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
        return new MarketingViews.Refresh(id, now, members.size(), included, members.size() - included, skipped);
    }

    /** Members ordered by customer id, each with its standing now; {@code status} keeps only included or excluded ones. */
    public MarketingViews.MemberPage members(UUID id, String statusParam, String limitParam, String cursorParam) {
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
        List<MarketingViews.MemberView> items = new ArrayList<>();
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
                    next = Paging.encode(items.get(limit - 1).customerId().toString());
                    return new MarketingViews.MemberPage(items, next);
                }
                items.add(memberView(member, standing));
            }
            if (chunk.size() < Math.max(limit, 100)) {
                return new MarketingViews.MemberPage(items, null);
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

    static MarketingViews.MemberView memberView(Member member, Standing standing) {
        return new MarketingViews.MemberView(member.customerId(), standing.status(), standing.reason(), standing.reasons(),
                standing.holds().stream().map(MarketingViews.HoldView::of).toList(), member.addedAt());
    }

    private MarketingViews.CampaignView view(Campaign campaign, boolean full) {
        CampaignDraft draft = campaign.draft();
        MarketingViews.AudienceView audience;
        if (draft.audience() instanceof Audience.StaticList list) {
            audience = full ? new MarketingViews.AudienceView("list", list.customerIds(), null, list.customerIds().size())
                    : new MarketingViews.AudienceView("list", null, null, store.listSize(campaign.id()));
        } else {
            audience = new MarketingViews.AudienceView("segment", null, ((Audience.Segment) draft.audience()).filter(), null);
        }
        return new MarketingViews.CampaignView(campaign.id(), draft.name(), draft.channel(), draft.purpose(), draft.startsOn(), draft.endsOn(),
                draft.budget(), audience, campaign.createdAt(), campaign.updatedAt(), campaign.refreshedAt());
    }
}
