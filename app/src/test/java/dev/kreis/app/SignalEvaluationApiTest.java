package dev.kreis.app;

import static dev.kreis.app.Fixtures.postJson;
import static dev.kreis.app.Fixtures.touchpointFor;
import static dev.kreis.app.Signals.CES_RULE;
import static dev.kreis.app.Signals.DETRACTOR_RULE;
import static dev.kreis.app.Signals.OUTREACH_RULE;
import static dev.kreis.app.Signals.ago;
import static dev.kreis.app.Signals.customer;
import static dev.kreis.app.Signals.rule;
import static dev.kreis.app.Signals.tasksOf;
import static dev.kreis.app.Signals.touch;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kreis.platform.signal.SignalEvaluation;
import dev.kreis.platform.signal.SignalWorker;
import dev.kreis.platform.touchpoint.TouchpointIngestion;
import dev.kreis.spi.signal.SignalRaised;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * Rules evaluated as touchpoints arrive: ingestion writes watched touchpoints to the outbox, and the
 * worker's drain (called here directly, as the worker does every second) applies the rules.
 */
@QuarkusTest
class SignalEvaluationApiTest {

    @Inject
    SignalEvaluation evaluation;

    @Inject
    RaisedSignals raised;

    @Inject
    TouchpointIngestion ingestion;

    @Inject
    ObjectMapper json;

    @Inject
    SignalWorker worker;

    @Test
    void aDetractorNpsAnswerOpensAFollowUpTaskForSupport() {
        UUID anna = customer();
        String answer = touch(anna, "feedback.nps", 3);

        evaluation.drain();

        JsonPath tasks = tasksOf(anna);
        assertEquals(1, tasks.getList("items").size());
        assertEquals(DETRACTOR_RULE, tasks.getString("items[0].ruleId"));
        assertEquals("support", tasks.getString("items[0].department"));
        assertEquals("open", tasks.getString("items[0].status"));
        assertEquals("high", tasks.getString("items[0].priority"));
        assertEquals(answer, tasks.getString("items[0].touchpointId"));
        assertEquals(anna.toString(), tasks.getString("items[0].customerId"));
    }

    @Test
    void aDetractorAnswerToAKreisSurveyOpensATask() {
        UUID anna = customer();
        String token = SurveyApiTest.invite(SurveyApiTest.survey("nps"), anna).getString("token");
        given().auth().none().contentType(ContentType.JSON).body(Map.of("score", 4)).post("/public/v1/responses/" + token)
                .then().statusCode(201);

        evaluation.drain();

        assertEquals(DETRACTOR_RULE, tasksOf(anna).getString("items[0].ruleId"));
    }

    @Test
    void aPromoterOrPassiveNpsAnswerOpensNoTask() {
        UUID promoter = customer();
        UUID passive = customer();
        touch(promoter, "feedback.nps", 9);
        touch(passive, "feedback.nps", 7);

        evaluation.drain();

        given().queryParam("customerId", promoter.toString()).get("/api/v1/tasks").then().statusCode(200).body("items", empty());
        given().queryParam("customerId", passive.toString()).get("/api/v1/tasks").then().statusCode(200).body("items", empty());
    }

    @Test
    void aBatchWithOneDetractorOpensExactlyOneTask() {
        UUID promoter = customer();
        UUID detractor = customer();
        List<Map<String, Object>> items = List.of(
                touchpointFor(promoter).source("signals").type("feedback.nps").score(10).occurredAt(ago(Duration.ofMinutes(5))).json(),
                touchpointFor(detractor).source("signals").type("feedback.nps").score(0).occurredAt(ago(Duration.ofMinutes(5))).json(),
                touchpointFor(detractor).source("signals").type("core.interaction").occurredAt(ago(Duration.ofMinutes(4))).json(),
                touchpointFor(promoter).source("signals").type("feedback.nps").score(9).occurredAt(ago(Duration.ofMinutes(3))).json());
        postJson("/api/v1/touchpoints/batch", Map.of("items", items)).then().statusCode(200).body("accepted", equalTo(4));

        evaluation.drain();

        assertEquals(1, tasksOf(detractor).getList("items").size());
        assertEquals(0, tasksOf(promoter).getList("items").size());
    }

    @Test
    void aRuleOpensNoSecondOpenTaskForTheSameCustomerButANewOneOnceTheFirstIsDone() {
        UUID anna = customer();
        touch(anna, "feedback.nps", 2);
        evaluation.drain();
        touch(anna, "feedback.nps", 4);
        evaluation.drain();
        JsonPath tasks = tasksOf(anna);
        assertEquals(1, tasks.getList("items").size());

        given().contentType(ContentType.JSON).body(Map.of("status", "done")).patch("/api/v1/tasks/" + tasks.getString("items[0].id"))
                .then().statusCode(200);
        touch(anna, "feedback.nps", 1);
        evaluation.drain();

        given().queryParam("customerId", anna.toString()).get("/api/v1/tasks").then().statusCode(200)
                .body("items.status", contains("open", "done"));
    }

    @Test
    void aHighEffortCesAnswerOpensATaskAndAnEasyOneDoesNot() {
        UUID hard = customer();
        UUID easy = customer();
        touch(hard, "feedback.ces", 3);
        touch(easy, "feedback.ces", 4);

        evaluation.drain();

        JsonPath tasks = tasksOf(hard);
        assertEquals(1, tasks.getList("items").size());
        assertEquals(CES_RULE, tasks.getString("items[0].ruleId"));
        assertEquals("support", tasks.getString("items[0].department"));
        assertEquals(0, tasksOf(easy).getList("items").size());
    }

    @Test
    void threeSupportContactsWithinSevenDaysOpenAProactiveOutreachTask() {
        UUID anna = customer();
        touch(anna, SignalTestTypes.SUPPORT_CONTACT, null, Duration.ofDays(6));
        touch(anna, SignalTestTypes.SUPPORT_CONTACT, null, Duration.ofDays(3));
        evaluation.drain();
        assertEquals(0, tasksOf(anna).getList("items").size());

        String third = touch(anna, SignalTestTypes.SUPPORT_CONTACT, null, Duration.ofHours(1));
        evaluation.drain();

        JsonPath tasks = tasksOf(anna);
        assertEquals(1, tasks.getList("items").size());
        assertEquals(OUTREACH_RULE, tasks.getString("items[0].ruleId"));
        assertEquals("support", tasks.getString("items[0].department"));
        assertEquals(third, tasks.getString("items[0].touchpointId"));
    }

    @Test
    void twoSupportContactsWithinSevenDaysOrThreeSpreadWiderOpenNoTask() {
        UUID two = customer();
        touch(two, SignalTestTypes.SUPPORT_CONTACT, null, Duration.ofDays(2));
        touch(two, SignalTestTypes.SUPPORT_CONTACT, null, Duration.ofHours(2));
        UUID spread = customer();
        touch(spread, SignalTestTypes.SUPPORT_CONTACT, null, Duration.ofDays(10));
        touch(spread, SignalTestTypes.SUPPORT_CONTACT, null, Duration.ofDays(5));
        touch(spread, SignalTestTypes.SUPPORT_CONTACT, null, Duration.ofHours(2));

        evaluation.drain();

        assertEquals(0, tasksOf(two).getList("items").size());
        assertEquals(0, tasksOf(spread).getList("items").size());
    }

    @Test
    void threeSupportContactsInOneBatchOpenOneOutreachTask() {
        UUID anna = customer();
        List<Map<String, Object>> items = List.of(
                touchpointFor(anna).source("signals").type(SignalTestTypes.SUPPORT_CONTACT).occurredAt(ago(Duration.ofHours(3))).json(),
                touchpointFor(anna).source("signals").type(SignalTestTypes.SUPPORT_CONTACT).occurredAt(ago(Duration.ofHours(2))).json(),
                touchpointFor(anna).source("signals").type(SignalTestTypes.SUPPORT_CONTACT).occurredAt(ago(Duration.ofHours(1))).json());
        postJson("/api/v1/touchpoints/batch", Map.of("items", items)).then().statusCode(200).body("accepted", equalTo(3));

        evaluation.drain();

        assertEquals(1, tasksOf(anna).getList("items").size());
    }

    @Test
    void historyLoadedLongAfterItHappenedRaisesNothing() {
        UUID anna = customer();
        touch(anna, "feedback.nps", 0, Duration.ofDays(90));

        evaluation.drain();

        assertEquals(0, tasksOf(anna).getList("items").size());
    }

    @Test
    void aTouchpointWhoseIngestRolledBackRaisesNothing() {
        UUID anna = customer();
        var item = json.valueToTree(touchpointFor(anna).source("signals").type("feedback.nps").score(0)
                .occurredAt(ago(Duration.ofMinutes(1))).json());

        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(1, ingestion.ingest(List.of((JsonNode) item)).accepted());
            throw new IllegalStateException("the caller's transaction fails after the ingest");
        }));
        evaluation.drain();

        assertEquals(0, tasksOf(anna).getList("items").size());
        given().get("/api/v1/customers/" + anna + "/timeline").then().statusCode(200).body("items", empty());
    }

    @Test
    void aTagRuleTagsTheCustomerOnce() {
        String tag = "unhappy-" + Fixtures.unique();
        String ruleId = rule("Unhappy rating: tag", SignalTestTypes.RATED, Map.of("kind", "score_range", "max", 2),
                Map.of("kind", "tag", "tag", tag));
        UUID anna = customer();
        UUID ben = customer();
        String first = touch(anna, SignalTestTypes.RATED, 1, Duration.ofMinutes(2));
        touch(anna, SignalTestTypes.RATED, 2);
        touch(ben, SignalTestTypes.RATED, 5);

        evaluation.drain();

        given().get("/api/v1/customers/" + anna + "/tags").then().statusCode(200)
                .body("items.tag", contains(tag))
                .body("items[0].ruleId", equalTo(ruleId))
                .body("items[0].touchpointId", equalTo(first));
        given().get("/api/v1/customers/" + ben + "/tags").then().statusCode(200).body("items.tag", empty());
    }

    @Test
    void anEventRulePublishesSignalRaisedToObservers() {
        String name = "delighted." + Fixtures.unique();
        String ruleId = rule("Delighted rating: event", SignalTestTypes.RATED, Map.of("kind", "score_range", "min", 5),
                Map.of("kind", "event", "name", name));
        UUID anna = customer();
        String touchpoint = touch(anna, SignalTestTypes.RATED, 5);

        evaluation.drain();

        List<SignalRaised> signals = raised.about(anna).stream().filter(s -> s.name().equals(name)).toList();
        assertEquals(1, signals.size());
        assertEquals(ruleId, signals.get(0).rule().toString());
        assertEquals(touchpoint, signals.get(0).touchpointId().toString());
    }

    @Test
    void aDisabledRuleDoesNothingUntilItIsEnabled() {
        String tag = "watched-" + Fixtures.unique();
        Map<String, Object> rule = Map.of("name", "Login: tag", "enabled", false, "trigger", Map.of("type", SignalTestTypes.RATED),
                "condition", Map.of("kind", "count_within", "count", 1, "window", "PT1H"), "action", Map.of("kind", "tag", "tag", tag));
        String id = given().contentType(ContentType.JSON).body(rule).post("/api/v1/signals/rules").then().statusCode(201)
                .extract().jsonPath().getString("id");
        UUID anna = customer();
        touch(anna, SignalTestTypes.RATED, 3);
        evaluation.drain();
        given().get("/api/v1/customers/" + anna + "/tags").then().statusCode(200).body("items.tag", empty());

        Map<String, Object> enabled = new java.util.HashMap<>(rule);
        enabled.put("enabled", true);
        given().contentType(ContentType.JSON).body(enabled).put("/api/v1/signals/rules/" + id).then().statusCode(200);
        touch(anna, SignalTestTypes.RATED, 3);
        evaluation.drain();

        given().get("/api/v1/customers/" + anna + "/tags").then().statusCode(200).body("items.tag", contains(tag));
        given().delete("/api/v1/signals/rules/" + id).then().statusCode(204);
    }

    @Test
    void workersDrainingAtOnceEvaluateEachTouchpointOnce() throws Exception {
        String name = "rated." + Fixtures.unique();
        String ruleId = rule("Any rating: event", SignalTestTypes.RATED, Map.of("kind", "score_range", "min", 1),
                Map.of("kind", "event", "name", name));
        List<UUID> customers = new java.util.ArrayList<>();
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UUID customer = customer();
            customers.add(customer);
            items.add(touchpointFor(customer).source("signals").type(SignalTestTypes.RATED).score(3).occurredAt(ago(Duration.ofMinutes(1))).json());
        }
        postJson("/api/v1/touchpoints/batch", Map.of("items", items)).then().statusCode(200).body("accepted", equalTo(40));

        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<Integer>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(evaluation::drain));
            }
            for (var run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }

        for (UUID customer : customers) {
            assertEquals(1, raised.about(customer).stream().filter(s -> s.name().equals(name)).count(), customer.toString());
        }
        given().delete("/api/v1/signals/rules/" + ruleId).then().statusCode(204);
    }

    @Test
    void aWorkerRoundEvaluatesWhatArrived() {
        UUID anna = customer();
        touch(anna, "feedback.nps", 6);

        worker.round();

        assertEquals(1, tasksOf(anna).getList("items").size());
    }

    @Test
    void theOutboxIsEmptyOnceDrained() {
        touch(customer(), "feedback.nps", 5);
        assertTrue(evaluation.drain() >= 1);
        assertEquals(0, evaluation.drain());
    }
}
