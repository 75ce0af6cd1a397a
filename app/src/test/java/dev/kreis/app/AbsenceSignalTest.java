package dev.kreis.app;

import static dev.kreis.app.Signals.customer;
import static dev.kreis.app.Signals.rule;
import static dev.kreis.app.Signals.tasksOf;
import static dev.kreis.app.Signals.touch;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.platform.signal.SignalEvaluation;
import dev.kreis.platform.signal.SignalWorker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** Absence rules ("no login for 30 days"), checked on a schedule; here the check is called directly. */
@QuarkusTest
class AbsenceSignalTest {

    @Inject
    SignalEvaluation evaluation;

    @Inject
    SignalWorker worker;

    @Test
    void aCustomerSilentForThePeriodGetsOneTaskAndActiveOrLongGoneCustomersNone() {
        String ruleId = rule("No login for 30 days: win back", SignalTestTypes.LOGIN, Map.of("kind", "absence", "period", "P30D"),
                Map.of("kind", "task", "department", "sales", "title", "Win back: no login for 30 days"));
        UUID silent = customer();
        String lastLogin = touch(silent, SignalTestTypes.LOGIN, null, Duration.ofDays(40));
        touch(silent, SignalTestTypes.LOGIN, null, Duration.ofDays(45));
        UUID active = customer();
        touch(active, SignalTestTypes.LOGIN, null, Duration.ofDays(40));
        touch(active, SignalTestTypes.LOGIN, null, Duration.ofDays(2));
        UUID longGone = customer();
        touch(longGone, SignalTestTypes.LOGIN, null, Duration.ofDays(70));

        evaluation.checkAbsence();

        JsonPath tasks = tasksOf(silent);
        assertEquals(1, tasks.getList("items").size());
        assertEquals(ruleId, tasks.getString("items[0].ruleId"));
        assertEquals("sales", tasks.getString("items[0].department"));
        assertEquals(lastLogin, tasks.getString("items[0].touchpointId"));
        assertEquals(0, tasksOf(active).getList("items").size());
        assertEquals(0, tasksOf(longGone).getList("items").size());
        given().delete("/api/v1/signals/rules/" + ruleId).then().statusCode(204);
    }

    @Test
    void oneSilenceRaisesTheRuleOnceHoweverOftenItIsChecked() {
        String tag = "quiet-" + Fixtures.unique();
        String ruleId = rule("No login for a week: tag", SignalTestTypes.LOGIN, Map.of("kind", "absence", "period", "P7D"),
                Map.of("kind", "tag", "tag", tag));
        UUID quiet = customer();
        touch(quiet, SignalTestTypes.LOGIN, null, Duration.ofDays(8));
        String ruleTask = rule("No login for a week: call", SignalTestTypes.LOGIN, Map.of("kind", "absence", "period", "P7D"),
                Map.of("kind", "task", "department", "sales", "title", "Call: no login for a week"));

        evaluation.checkAbsence();
        String taskId = tasksOf(quiet).getString("items[0].id");
        given().contentType(ContentType.JSON).body(Map.of("status", "dismissed")).patch("/api/v1/tasks/" + taskId).then().statusCode(200);
        evaluation.checkAbsence();

        assertEquals(1, tasksOf(quiet).getList("items").size());
        given().get("/api/v1/customers/" + quiet + "/tags").then().statusCode(200)
                .body("items.tag", org.hamcrest.Matchers.contains(tag));
        given().delete("/api/v1/signals/rules/" + ruleId).then().statusCode(204);
        given().delete("/api/v1/signals/rules/" + ruleTask).then().statusCode(204);
    }

    @Test
    void theScheduledCheckRunsOnOneNodeAtATime() {
        worker.checkAbsenceIfDue();

        assertFalse(worker.checkAbsenceIfDue(), "the lease was taken for the check interval, so no node runs it again before then");
    }
}
