package dev.kreis.module.marketing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.kreis.spi.api.FieldProblem;

/** Campaign input: every field's bounds, named by path. */
class CampaignDraftTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> problems(String body) {
        Fields fields = Fields.collect();
        CampaignDraft.create(json(body), fields);
        return fields.problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void aFullCampaignIsRead() {
        UUID a = UUID.randomUUID();
        Fields fields = Fields.collect();
        CampaignDraft draft = CampaignDraft.create(json("{'name':' Spring ','channel':'email','purpose':'newsletter','startsOn':'2025-03-01',"
                + "'endsOn':'2025-03-01','budget':1200.5,'audience':{'type':'list','customerIds':['" + a + "','" + a + "']}}"), fields);

        assertEquals(List.of(), fields.problems());
        assertEquals("Spring", draft.name());
        assertEquals("newsletter", draft.purpose());
        assertEquals(LocalDate.parse("2025-03-01"), draft.endsOn());
        assertEquals(new BigDecimal("1200.5"), draft.budget());
        assertEquals(List.of(a), ((Audience.StaticList) draft.audience()).customerIds(), "duplicates are dropped");
    }

    @Test
    void purposeDefaultsToMarketingAndASegmentIsRead() {
        Fields fields = Fields.collect();
        CampaignDraft draft = CampaignDraft.create(json("{'name':'DE','channel':'sms','audience':{'type':'segment','filter':{'country':'DE'}}}"),
                fields);

        assertEquals("marketing", draft.purpose());
        assertNull(draft.budget());
        assertEquals(Map.of("country", "DE"), assertInstanceOf(Audience.Segment.class, draft.audience()).filter());
    }

    @Test
    void requiredFieldsAreNamed() {
        assertEquals(List.of("name", "channel", "audience"), problems("{}"));
    }

    @Test
    void everyBadFieldIsNamed() {
        assertEquals(List.of("name", "channel", "purpose", "startsOn", "endsOn", "budget", "audience.type"),
                problems("{'name':'" + "x".repeat(201) + "','channel':'fax','purpose':'Marketing!','startsOn':'2025-02-30','endsOn':5,"
                        + "'budget':-1,'audience':{'type':'all'}}"));
        assertEquals(List.of("endsOn"), problems("{'name':'a','channel':'web','startsOn':'2025-03-02','endsOn':'2025-03-01',"
                + "'audience':{'type':'segment','filter':{'country':'DE'}}}"));
        assertEquals(List.of("budget"), problems("{'name':'a','channel':'web','budget':'100','audience':{'type':'segment','filter':{'a':'b'}}}"));
        assertEquals(List.of("budget"), problems("{'name':'a','channel':'web','budget':1.00001,'audience':{'type':'segment','filter':{'a':'b'}}}"));
        assertEquals(List.of("name"), problems("{'name':'  ','channel':'web','audience':{'type':'segment','filter':{'a':'b'}}}"));
        assertEquals(List.of("color"), problems("{'name':'a','color':'red','channel':'web','audience':{'type':'segment','filter':{'a':'b'}}}"));
    }

    @Test
    void audienceProblemsAreNamedByPath() {
        assertEquals(List.of("audience"), problems("{'name':'a','channel':'web','audience':'everyone'}"));
        assertEquals(List.of("audience.customerIds"), problems("{'name':'a','channel':'web','audience':{'type':'list'}}"));
        assertEquals(List.of("audience.customerIds[1]"), problems("{'name':'a','channel':'web','audience':{'type':'list','customerIds':['"
                + UUID.randomUUID() + "','nope']}}"));
        assertEquals(List.of("audience.filter"), problems("{'name':'a','channel':'web','audience':{'type':'segment','filter':{}}}"));
        assertEquals(List.of("audience.filter.country"), problems("{'name':'a','channel':'web','audience':{'type':'segment','filter':{'country':3}}}"));
        assertEquals(List.of("audience.customerIds"), problems("{'name':'a','channel':'web','audience':{'type':'segment','filter':{'a':'b'},"
                + "'customerIds':[]}}"));
    }

    @Test
    void aListOfMoreThanTenThousandIdsIsRefusedAndTenThousandAccepted() {
        ObjectNode body = (ObjectNode) json("{'name':'big','channel':'email','audience':{'type':'list'}}");
        ArrayNode ids = ((ObjectNode) body.get("audience")).putArray("customerIds");
        for (int i = 0; i < 10_000; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        Fields ok = Fields.collect();
        assertNotNull(CampaignDraft.create(body, ok));
        ids.add(UUID.randomUUID().toString());
        Fields tooMany = Fields.collect();
        CampaignDraft.create(body, tooMany);
        assertEquals(List.of("audience.customerIds"), tooMany.problems().stream().map(FieldProblem::field).toList());
    }

    @Test
    void aChangeKeepsWhatItDoesNotNameAndChecksTheMergedPeriod() {
        Fields fields = Fields.collect();
        CampaignDraft draft = CampaignDraft.create(json("{'name':'a','channel':'web','startsOn':'2025-03-01','endsOn':'2025-03-31','budget':10,"
                + "'audience':{'type':'segment','filter':{'a':'b'}}}"), fields);

        Fields change = Fields.collect();
        CampaignDraft changed = draft.change(json("{'name':'b','budget':null,'purpose':null}"), change);
        assertEquals(List.of(), change.problems());
        assertEquals("b", changed.name());
        assertNull(changed.budget());
        assertEquals("marketing", changed.purpose());
        assertEquals(LocalDate.parse("2025-03-31"), changed.endsOn());

        Fields bad = Fields.collect();
        draft.change(json("{'startsOn':'2025-04-01'}"), bad);
        assertEquals(List.of("endsOn"), bad.problems().stream().map(FieldProblem::field).toList());
        Fields nullName = Fields.collect();
        draft.change(json("{'name':null,'channel':null}"), nullName);
        assertEquals(List.of("name", "channel"), nullName.problems().stream().map(FieldProblem::field).toList());
    }
}
