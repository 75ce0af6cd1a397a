package dev.kreis.module.marketing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.kreis.module.marketing.MarketingStore.Campaign;
import dev.kreis.module.marketing.MarketingStore.EmailEvent;
import dev.kreis.module.marketing.MarketingStore.FormSubmission;
import dev.kreis.module.marketing.MarketingStore.Member;
import dev.kreis.module.marketing.MarketingStore.WebVisit;
import dev.kreis.spi.privacy.PersonalDataContributor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The marketing module's part of a customer's export (campaign memberships, e-mail events, web visits,
 * form submissions) and erasure (form contents and visited URLs are emptied; memberships, events and
 * their times stay as anonymous counts for the KPIs). Answers nothing while the module's tables do not
 * exist (never installed). Thread-safe.
 */
@ApplicationScoped
public class MarketingPersonalData implements PersonalDataContributor {
    private final MarketingStore store;

    MarketingPersonalData(MarketingStore store) {
        this.store = store;
    }

    @Override
    public String id() {
        return MarketingTypes.MODULE;
    }

    @Override
    public Map<String, Object> export(UUID customerId) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!store.tablesExist()) {
            return out;
        }
        List<Member> memberships = store.membershipsOf(customerId);
        if (!memberships.isEmpty()) {
            Map<UUID, Campaign> campaigns = store.campaigns(memberships.stream().map(Member::campaignId).toList());
            List<Map<String, Object>> items = new ArrayList<>();
            for (Member member : memberships) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("campaignId", member.campaignId().toString());
                Campaign campaign = campaigns.get(member.campaignId());
                item.put("campaignName", campaign == null ? null : campaign.draft().name());
                item.put("addedAt", member.addedAt().toString());
                items.add(item);
            }
            out.put("campaignMemberships", items);
        }
        List<EmailEvent> events = store.emailEventsOf(customerId);
        if (!events.isEmpty()) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (EmailEvent event : events) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", event.id().toString());
                item.put("campaignId", event.campaignId().toString());
                item.put("event", event.event());
                item.put("occurredAt", event.occurredAt().toString());
                item.put("externalId", event.externalId());
                items.add(item);
            }
            out.put("emailEvents", items);
        }
        List<WebVisit> visits = store.webVisitsOf(customerId);
        if (!visits.isEmpty()) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (WebVisit visit : visits) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", visit.id().toString());
                item.put("url", visit.url());
                item.put("occurredAt", visit.occurredAt().toString());
                items.add(item);
            }
            out.put("webVisits", items);
        }
        List<FormSubmission> forms = store.formsOf(customerId);
        if (!forms.isEmpty()) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (FormSubmission form : forms) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", form.id().toString());
                item.put("form", form.form());
                item.put("email", form.email());
                item.put("firstName", form.firstName());
                item.put("lastName", form.lastName());
                item.put("phone", form.phone());
                item.put("fields", form.fields());
                item.put("occurredAt", form.occurredAt().toString());
                items.add(item);
            }
            out.put("formSubmissions", items);
        }
        return out;
    }

    @Override
    public void erase(UUID customerId) {
        if (store.tablesExist()) {
            store.erasePersonalValues(customerId);
        }
    }
}
