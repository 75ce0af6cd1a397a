package dev.kreis.module.marketing;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.kreis.module.marketing.MarketingStore.Campaign;
import dev.kreis.module.marketing.MarketingStore.EmailEvent;
import dev.kreis.spi.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A campaign's activity: its e-mail events counted per kind, and web visits linked to it. E-mail events carry the
 * campaign's id; web visits do not, so they are linked two ways, kept apart: a visit whose URL has
 * {@code utm_campaign=<campaign id>} is attributed to the campaign; visits of the campaign's members within its
 * period are only reported next to it, not attributed. Thread-safe.
 */
@ApplicationScoped
public class CampaignActivity {
    static final String UTM_CAMPAIGN = "utm_campaign";

    private final MarketingStore store;
    private final Clock clock = Clock.systemUTC();

    CampaignActivity(MarketingStore store) {
        this.store = store;
    }

    public MarketingViews.ActivityView of(UUID id) {
        Campaign campaign = store.campaign(id).orElseThrow(() -> Campaigns.notFound(id));
        Instant now = clock.instant();
        Map<String, long[]> counts = store.emailEventCounts(id);
        List<MarketingViews.EmailEventCount> email = new ArrayList<>();
        for (String event : MarketingTypes.EMAIL_EVENT_NAMES) {
            long[] count = counts.getOrDefault(event, new long[2]);
            email.add(new MarketingViews.EmailEventCount(event, MarketingTypes.EMAIL_EVENTS.get(event), count[0], count[1]));
        }

        long tagged = 0;
        Set<UUID> taggedVisitors = new HashSet<>();
        for (Map.Entry<UUID, String> visit : store.webVisitsWithUrlContaining(id.toString())) {
            if (tags(visit.getValue(), id)) {
                tagged++;
                taggedVisitors.add(visit.getKey());
            }
        }
        Instant from = campaign.draft().startsOn() != null ? campaign.draft().startsOn().atStartOfDay(ZoneOffset.UTC).toInstant()
                : campaign.createdAt().atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = campaign.draft().endsOn() != null ? campaign.draft().endsOn().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant() : now;
        long[] members = to.isAfter(from) ? store.memberVisits(id, from, to) : new long[2];
        MarketingViews.WebActivityView web = new MarketingViews.WebActivityView(tagged, taggedVisitors.size(), members[0], members[1], from, to);
        return new MarketingViews.ActivityView(id, email, store.lastEmailEventAt(id).orElse(null), web, now);
    }

    /** The campaign's e-mail events, newest first; {@code event} keeps one kind. */
    public MarketingViews.EmailEventPage events(UUID id, String eventParam, String limitParam, String cursorParam) {
        String event = null;
        if (eventParam != null && !eventParam.isBlank()) {
            event = eventParam.trim();
            if (!MarketingTypes.EMAIL_EVENT_NAMES.contains(event)) {
                throw ProblemException.malformed("event", "must be one of " + String.join(", ", MarketingTypes.EMAIL_EVENT_NAMES));
            }
        }
        int limit = Paging.limit(limitParam);
        String[] cursor = Paging.decode(cursorParam, 2);
        store.campaign(id).orElseThrow(() -> Campaigns.notFound(id));
        List<EmailEvent> page = cursor == null ? store.emailEventsOfCampaign(id, event, null, null, limit + 1)
                : store.emailEventsOfCampaign(id, event, Paging.instant(cursor[0]), Paging.uuid(cursor[1]), limit + 1);
        List<MarketingViews.EmailEventView> items = new ArrayList<>();
        for (EmailEvent row : page.subList(0, Math.min(limit, page.size()))) {
            items.add(EmailEvents.view(row, false));
        }
        String next = null;
        if (page.size() > limit) {
            EmailEvent last = page.get(limit - 1);
            next = Paging.encode(last.occurredAt().toString(), last.id().toString());
        }
        return new MarketingViews.EmailEventPage(items, next);
    }

    /** Whether the URL's query has {@code utm_campaign} equal to the campaign's id (case-insensitive). */
    static boolean tags(String url, UUID campaignId) {
        String query;
        try {
            query = new URI(url).getRawQuery();
        } catch (URISyntaxException e) {
            return false;
        }
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            try {
                String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).trim();
                if (key.equals(UTM_CAMPAIGN) && value.equalsIgnoreCase(campaignId.toString())) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // a malformed escape: not a tag
            }
        }
        return false;
    }
}
