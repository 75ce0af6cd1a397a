package dev.kreis.module.marketing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import dev.kreis.spi.api.FieldProblem;
import dev.kreis.spi.api.FieldProblems;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

/** Campaign requests: every field's bounds (the records' constraints) and the rules across fields, named by path. */
class CampaignDraftTest {
    static final Validator VALIDATOR = Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory().getValidator();

    static Set<String> violations(Object request) {
        Set<String> fields = new TreeSet<>();
        VALIDATOR.validate(request).forEach(v -> fields.add(v.getPropertyPath().toString()));
        return fields;
    }

    static List<String> rules(CampaignRequests.Create body) {
        FieldProblems problems = new FieldProblems();
        CampaignDraft.create(body, problems);
        return problems.list().stream().map(FieldProblem::field).toList();
    }

    static CampaignRequests.Create create(String name, String channel, LocalDate startsOn, LocalDate endsOn, BigDecimal budget,
            CampaignRequests.Audience audience) {
        return new CampaignRequests.Create(name, channel, null, startsOn, endsOn, budget, audience);
    }

    static CampaignRequests.Audience list(UUID... ids) {
        return new CampaignRequests.Audience("list", new ArrayList<>(Arrays.asList(ids)), null);
    }

    static CampaignRequests.Audience segment(Map<String, String> filter) {
        return new CampaignRequests.Audience("segment", null, filter);
    }

    @Test
    void aFullCampaignIsReadTrimmedAndWithoutDuplicateMembers() {
        UUID a = UUID.randomUUID();
        CampaignRequests.Create body = new CampaignRequests.Create(" Spring ", "email", "newsletter", LocalDate.parse("2025-03-01"),
                LocalDate.parse("2025-03-01"), new BigDecimal("1200.5"), list(a, a));
        assertEquals(Set.of(), violations(body));
        FieldProblems problems = new FieldProblems();
        CampaignDraft draft = CampaignDraft.create(body, problems);

        assertEquals(List.of(), problems.list());
        assertEquals("Spring", draft.name());
        assertEquals("newsletter", draft.purpose());
        assertEquals(LocalDate.parse("2025-03-01"), draft.endsOn());
        assertEquals(new BigDecimal("1200.5"), draft.budget());
        assertEquals(List.of(a), ((Audience.StaticList) draft.audience()).customerIds(), "duplicates are dropped");
    }

    @Test
    void purposeDefaultsToMarketingAndASegmentIsRead() {
        CampaignDraft draft = CampaignDraft.create(create("DE", "sms", null, null, null, segment(Map.of("country", "DE"))), new FieldProblems());

        assertEquals("marketing", draft.purpose());
        assertNull(draft.budget());
        assertEquals(Map.of("country", "DE"), assertInstanceOf(Audience.Segment.class, draft.audience()).filter());
    }

    @Test
    void requiredFieldsAreNamed() {
        assertEquals(Set.of("name", "channel", "audience"), violations(create(null, null, null, null, null, null)));
    }

    @Test
    void everyBadFieldIsNamed() {
        assertEquals(Set.of("name", "channel", "purpose", "budget", "audience.type"), violations(new CampaignRequests.Create("x".repeat(201),
                "fax", "Marketing!", null, null, new BigDecimal("-1"), new CampaignRequests.Audience("all", null, null))));
        CampaignRequests.Audience ok = segment(Map.of("a", "b"));
        assertEquals(Set.of("budget"), violations(create("a", "web", null, null, new BigDecimal("1.00001"), ok)));
        assertEquals(Set.of("budget"), violations(create("a", "web", null, null, new BigDecimal("1000000000000000"), ok)));
        assertEquals(Set.of(), violations(create("a", "web", null, null, new BigDecimal("999999999999999.9999"), ok)));
        assertEquals(Set.of("name"), violations(create("  ", "web", null, null, null, ok)));
    }

    @Test
    void datesLieBetween1900And2999AndTheEndNotBeforeTheStart() {
        CampaignRequests.Audience ok = segment(Map.of("a", "b"));
        assertEquals(List.of("endsOn"), rules(create("a", "web", LocalDate.parse("2025-03-02"), LocalDate.parse("2025-03-01"), null, ok)));
        assertEquals(List.of("startsOn", "endsOn"), rules(create("a", "web", LocalDate.parse("1899-12-31"), LocalDate.parse("3000-01-01"), null,
                ok)));
    }

    @Test
    void audienceProblemsAreNamedByPath() {
        assertEquals(List.of("audience.customerIds"), rules(create("a", "web", null, null, null, new CampaignRequests.Audience("list", null,
                null))));
        assertEquals(List.of("audience.customerIds[1]"), rules(create("a", "web", null, null, null, list(UUID.randomUUID(), null))));
        assertEquals(Set.of("audience.filter"), violations(create("a", "web", null, null, null, segment(Map.of()))));
        assertEquals(List.of("audience.filter.country"), rules(create("a", "web", null, null, null, segment(Map.of("country", "")))));
        assertEquals(List.of("audience.filter"), rules(create("a", "web", null, null, null, segment(Map.of("1st", "x")))));
        assertEquals(List.of("audience.customerIds"), rules(create("a", "web", null, null, null, new CampaignRequests.Audience("segment",
                List.of(), Map.of("a", "b")))));
        assertEquals(List.of("audience.filter"), rules(create("a", "web", null, null, null, new CampaignRequests.Audience("list", List.of(),
                Map.of("a", "b")))));
    }

    @Test
    void aListOfMoreThanTenThousandIdsIsRefusedAndTenThousandAccepted() {
        UUID[] ids = new UUID[10_000];
        Arrays.setAll(ids, i -> UUID.randomUUID());
        assertEquals(Set.of(), violations(create("big", "email", null, null, null, list(ids))));
        UUID[] more = Arrays.copyOf(ids, 10_001);
        more[10_000] = UUID.randomUUID();
        assertEquals(Set.of("audience.customerIds"), violations(create("big", "email", null, null, null, list(more))));
    }

    @Test
    void aChangeKeepsWhatItDoesNotNameClearsWhatIsNullAndChecksTheMergedPeriod() {
        CampaignDraft draft = CampaignDraft.create(create("a", "web", LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-31"),
                BigDecimal.TEN, segment(Map.of("a", "b"))), new FieldProblems());

        FieldProblems problems = new FieldProblems();
        CampaignDraft changed = draft.change(new CampaignRequests.Change(Optional.of("b"), null, Optional.empty(), null, null, Optional.empty(),
                null), problems);
        assertEquals(List.of(), problems.list());
        assertEquals("b", changed.name());
        assertEquals("web", changed.channel());
        assertNull(changed.budget());
        assertEquals("marketing", changed.purpose());
        assertEquals(LocalDate.parse("2025-03-31"), changed.endsOn());
        assertNull(draft.change(new CampaignRequests.Change(null, null, null, null, Optional.empty(), null, null), problems).endsOn());

        FieldProblems bad = new FieldProblems();
        draft.change(new CampaignRequests.Change(null, null, null, Optional.of(LocalDate.parse("2025-04-01")), null, null, null), bad);
        assertEquals(List.of("endsOn"), bad.list().stream().map(FieldProblem::field).toList());
    }

    @Test
    void aChangeMayNotClearNameChannelOrAudienceButMayLeaveThemOut() {
        assertEquals(Set.of("name", "channel", "audience"), violations(new CampaignRequests.Change(Optional.empty(), Optional.empty(), null, null,
                null, null, Optional.empty())));
        assertEquals(Set.of(), violations(new CampaignRequests.Change(null, null, null, null, null, null, null)));
        assertEquals(Set.of("audience.type", "budget"), violations(new CampaignRequests.Change(null, null, null, null, null,
                Optional.of(new BigDecimal("-1")), Optional.of(new CampaignRequests.Audience("all", null, null)))));
    }

    @Test
    void anEmailEventNamesEachBadFieldAndABatchChecksOnlyItsSize() {
        MarketingRequests.EmailEvent good = new MarketingRequests.EmailEvent(UUID.randomUUID(), UUID.randomUUID(), "opened",
                java.time.Instant.parse("2025-03-01T10:00:00Z"), "msg-1");
        MarketingRequests.EmailEvent bad = new MarketingRequests.EmailEvent(null, UUID.randomUUID(), "forwarded", null, " ");
        assertEquals(Set.of("campaignId", "event", "occurredAt", "externalId"), violations(bad));
        assertEquals(Set.of(), violations(new MarketingRequests.EmailEventBatch(List.of(good, bad))), "EmailEvents checks each event");
        assertEquals(Set.of("events"), violations(new MarketingRequests.EmailEventBatch(List.of())));
        assertEquals(Set.of("events"), violations(new MarketingRequests.EmailEventBatch(java.util.Collections.nCopies(1001, bad))));
    }
}
