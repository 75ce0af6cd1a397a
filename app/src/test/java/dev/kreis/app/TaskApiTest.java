package dev.kreis.app;

import static dev.kreis.app.Fixtures.PROBLEM_JSON;
import static dev.kreis.app.Signals.ago;
import static dev.kreis.app.Signals.customer;
import static dev.kreis.app.Signals.outreach;
import static dev.kreis.app.Signals.tasksOf;
import static dev.kreis.app.Signals.touch;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.platform.signal.SignalEvaluation;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/** {@code /api/v1/tasks}: listing, changes by the owning department only, and proactive resolution. */
@QuarkusTest
class TaskApiTest {

    @Inject
    SignalEvaluation evaluation;

    /** A customer with an open support task from a detractor answer. */
    record Opened(UUID customerId, String taskId) {
    }

    Opened supportTask() {
        UUID customer = customer();
        touch(customer, "feedback.nps", 1);
        evaluation.drain();
        return new Opened(customer, tasksOf(customer).getString("items[0].id"));
    }

    static io.restassured.response.Response patch(RequestSpecification as, String taskId, Map<String, Object> body) {
        return as.contentType(ContentType.JSON).body(body).patch("/api/v1/tasks/" + taskId);
    }

    @Test
    void supportChangesASupportTask() {
        Opened task = supportTask();

        patch(Staff.as("support"), task.taskId(), Map.of("status", "in_progress", "assignee", "jo", "note", "Calling tomorrow"))
                .then().statusCode(200)
                .body("status", equalTo("in_progress")).body("assignee", equalTo("jo")).body("note", equalTo("Calling tomorrow"))
                .body("updatedBy", equalTo(Staff.username("support"))).body("closedAt", nullValue());
    }

    @Test
    void aDueDateIsSetKeptByOtherChangesAndCleared() {
        Opened task = supportTask();
        patch(Staff.as("support"), task.taskId(), Map.of("status", "open", "dueOn", "2026-03-31")).then().statusCode(200)
                .body("dueOn", equalTo("2026-03-31"));
        patch(Staff.as("support"), task.taskId(), Map.of("status", "in_progress")).then().statusCode(200)
                .body("dueOn", equalTo("2026-03-31"));
        Map<String, Object> clear = new java.util.HashMap<>(Map.of("status", "in_progress"));
        clear.put("dueOn", null);
        patch(Staff.as("support"), task.taskId(), clear).then().statusCode(200).body("dueOn", nullValue());
        patch(Staff.as("sales"), task.taskId(), Map.of("status", "open", "dueOn", "2026-04-01")).then().statusCode(403);
    }

    @Test
    void anotherDepartmentMayReadButNotChangeASupportTask() {
        Opened task = supportTask();

        Staff.as("marketing").queryParam("customerId", task.customerId().toString()).get("/api/v1/tasks").then().statusCode(200)
                .body("items.id", contains(task.taskId()));
        patch(Staff.as("marketing"), task.taskId(), Map.of("status", "done")).then().statusCode(403).contentType(PROBLEM_JSON);
        patch(Staff.as("sales"), task.taskId(), Map.of("status", "done")).then().statusCode(403);
        given().queryParam("customerId", task.customerId().toString()).get("/api/v1/tasks").then().body("items[0].status", equalTo("open"));
    }

    @Test
    void adminsAndTheCxTeamChangeAnyDepartmentsTask() {
        Opened task = supportTask();

        patch(given(), task.taskId(), Map.of("status", "in_progress")).then().statusCode(200);
        patch(Staff.as("cx-manager"), task.taskId(), Map.of("status", "dismissed")).then().statusCode(200)
                .body("status", equalTo("dismissed")).body("closedAt", notNullValue()).body("resolvedProactively", nullValue());
    }

    @Test
    void rolesWithoutTaskWriteGet403AndNoCredentials401() {
        Opened task = supportTask();

        patch(Staff.as("viewer"), task.taskId(), Map.of("status", "done")).then().statusCode(403).contentType(PROBLEM_JSON);
        patch(Staff.as("integration"), task.taskId(), Map.of("status", "done")).then().statusCode(403);
        Staff.as("integration").get("/api/v1/tasks").then().statusCode(403);
        Staff.as("viewer").get("/api/v1/tasks").then().statusCode(200);
        patch(given().auth().none(), task.taskId(), Map.of("status", "done")).then().statusCode(401).contentType(PROBLEM_JSON);
        given().auth().none().get("/api/v1/tasks").then().statusCode(401);
    }

    @Test
    void aTaskDoneAfterACompanyInitiatedTouchpointCountsAsResolvedProactively() {
        Opened task = supportTask();
        String call = outreach(task.customerId(), ago(Duration.ZERO));

        patch(Staff.as("support"), task.taskId(), Map.of("status", "done")).then().statusCode(200)
                .body("status", equalTo("done")).body("resolvedProactively", equalTo(true))
                .body("resolvedByTouchpointId", equalTo(call)).body("closedAt", notNullValue());
    }

    @Test
    void aTaskDoneNamingTheResolvingTouchpointRecordsIt() {
        Opened task = supportTask();
        outreach(task.customerId(), ago(Duration.ofSeconds(-20)));
        String second = outreach(task.customerId(), ago(Duration.ofSeconds(-40)));

        patch(given(), task.taskId(), Map.of("status", "done", "resolvedByTouchpointId", second)).then().statusCode(200)
                .body("resolvedProactively", equalTo(true)).body("resolvedByTouchpointId", equalTo(second));
    }

    @Test
    void aTaskDoneWithoutACompanyTouchpointIsNotProactive() {
        Opened task = supportTask();
        touch(task.customerId(), "core.interaction", null, Duration.ofSeconds(-30));
        outreach(task.customerId(), ago(Duration.ofDays(3)));

        patch(given(), task.taskId(), Map.of("status", "done")).then().statusCode(200)
                .body("resolvedProactively", equalTo(false)).body("resolvedByTouchpointId", nullValue());
    }

    @Test
    void aResolvingTouchpointMustBeTheCustomersCompanyInitiatedAndAfterTheTaskOpened() {
        Opened task = supportTask();
        String customerInitiated = touch(task.customerId(), "core.interaction", null, Duration.ofSeconds(-30));
        String before = outreach(task.customerId(), ago(Duration.ofDays(2)));
        String otherCustomers = outreach(customer(), ago(Duration.ofSeconds(-30)));

        for (String touchpoint : List.of(customerInitiated, before, otherCustomers, UUID.randomUUID().toString(), "not-a-uuid")) {
            patch(given(), task.taskId(), Map.of("status", "done", "resolvedByTouchpointId", touchpoint)).then().statusCode(422)
                    .contentType(PROBLEM_JSON).body("errors.field", contains("resolvedByTouchpointId"));
        }
        patch(given(), task.taskId(), Map.of("status", "in_progress", "resolvedByTouchpointId", before)).then().statusCode(422)
                .body("errors.field", contains("resolvedByTouchpointId"));
        given().queryParam("customerId", task.customerId().toString()).get("/api/v1/tasks").then().body("items[0].status", equalTo("open"));
    }

    @Test
    void reopeningATaskWhileTheRuleHasAnotherOpenOneIsAConflict() {
        Opened task = supportTask();
        patch(given(), task.taskId(), Map.of("status", "done")).then().statusCode(200);
        touch(task.customerId(), "feedback.nps", 0);
        evaluation.drain();

        patch(given(), task.taskId(), Map.of("status", "open")).then().statusCode(409).contentType(PROBLEM_JSON);
    }

    @Test
    void aReopenedTaskForgetsItsResolution() {
        Opened task = supportTask();
        outreach(task.customerId(), ago(Duration.ZERO));
        patch(given(), task.taskId(), Map.of("status", "done")).then().statusCode(200).body("resolvedProactively", equalTo(true));

        patch(given(), task.taskId(), Map.of("status", "open", "assignee", (Object) "kim")).then().statusCode(200)
                .body("resolvedProactively", nullValue()).body("closedAt", nullValue()).body("assignee", equalTo("kim"));
        Map<String, Object> clear = new HashMap<>();
        clear.put("status", "open");
        clear.put("assignee", null);
        patch(given(), task.taskId(), clear).then().statusCode(200).body("assignee", nullValue());
    }

    @Test
    @SuppressWarnings("unchecked")
    void invalidChangesAreRefusedNamingTheField() {
        Opened task = supportTask();
        List<Object[]> cases = List.of(
                new Object[] { Map.of("assignee", "jo"), "status" },
                new Object[] { Map.of("status", "closed"), "status" },
                new Object[] { Map.of("status", 3), "status" },
                new Object[] { Map.of("status", "open", "assignee", 42), "assignee" },
                new Object[] { Map.of("status", "open", "assignee", "x".repeat(256)), "assignee" },
                new Object[] { Map.of("status", "open", "note", "x".repeat(2001)), "note" },
                new Object[] { Map.of("status", "open", "dueOn", "31.03.2026"), "dueOn" },
                new Object[] { Map.of("status", "open", "dueOn", 20260331), "dueOn" },
                new Object[] { Map.of("status", "open", "dueOn", "3026-01-01"), "dueOn" });
        for (Object[] c : cases) {
            patch(given(), task.taskId(), (Map<String, Object>) c[0]).then().statusCode(422).contentType(PROBLEM_JSON)
                    .body("errors.field", hasItem((String) c[1]));
        }
        given().contentType(ContentType.JSON).body("{\"status\":").patch("/api/v1/tasks/" + task.taskId()).then().statusCode(400);
        given().contentType(ContentType.JSON).body("[]").patch("/api/v1/tasks/" + task.taskId()).then().statusCode(400);
        given().contentType(ContentType.JSON).patch("/api/v1/tasks/" + task.taskId()).then().statusCode(400);
        patch(given(), "not-a-uuid", Map.of("status", "done")).then().statusCode(400).body("errors.field", contains("id"));
        patch(given(), UUID.randomUUID().toString(), Map.of("status", "done")).then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void theListFiltersByDepartmentStatusAndCustomerAndPages() {
        Opened first = supportTask();
        touch(first.customerId(), "feedback.ces", 1);
        evaluation.drain();
        patch(given(), first.taskId(), Map.of("status", "done")).then().statusCode(200);

        given().queryParam("customerId", first.customerId().toString()).queryParam("status", "open").get("/api/v1/tasks")
                .then().statusCode(200).body("items.status", contains("open"));
        given().queryParam("customerId", first.customerId().toString()).queryParam("status", "done").get("/api/v1/tasks")
                .then().statusCode(200).body("items.id", contains(first.taskId()));
        given().queryParam("department", "support").queryParam("limit", 5).get("/api/v1/tasks")
                .then().statusCode(200).body("items.department", everyItem(equalTo("support")));
        given().queryParam("department", "marketing").queryParam("customerId", first.customerId().toString()).get("/api/v1/tasks")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        String cursor = given().queryParam("customerId", first.customerId().toString()).queryParam("limit", 1).get("/api/v1/tasks")
                .then().statusCode(200).body("items.size()", equalTo(1)).extract().jsonPath().getString("nextCursor");
        given().queryParam("customerId", first.customerId().toString()).queryParam("limit", 1).queryParam("cursor", cursor)
                .get("/api/v1/tasks").then().statusCode(200).body("items.size()", equalTo(1)).body("nextCursor", nullValue());
    }

    @Test
    void badListParametersAreRefusedNamingTheParameter() {
        given().queryParam("status", "closed").get("/api/v1/tasks").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("status"));
        given().queryParam("department", "Support Team").get("/api/v1/tasks").then().statusCode(400).body("errors.field", contains("department"));
        given().queryParam("customerId", "nope").get("/api/v1/tasks").then().statusCode(400).body("errors.field", contains("customerId"));
        given().queryParam("limit", 501).get("/api/v1/tasks").then().statusCode(400).body("errors.field", contains("limit"));
        given().queryParam("cursor", "garbage").get("/api/v1/tasks").then().statusCode(400).body("errors.field", contains("cursor"));
    }

    @Test
    void aCustomersTasksAreExportedAndErasureRemovesTheirNotes() {
        Opened task = supportTask();
        patch(given(), task.taskId(), Map.of("status", "in_progress", "note", "Anna says her husband Ben is ill")).then().statusCode(200);

        given().get("/api/v1/customers/" + task.customerId() + "/export").then().statusCode(200)
                .body("modules.signals.'" + task.customerId() + "'.tasks[0].note", equalTo("Anna says her husband Ben is ill"));
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/customers/" + task.customerId() + "/erase")
                .then().statusCode(201);

        given().queryParam("customerId", task.customerId().toString()).get("/api/v1/tasks").then().statusCode(200)
                .body("items[0].id", equalTo(task.taskId())).body("items[0].note", nullValue())
                .body("items[0].status", equalTo("in_progress"));
    }

    @Test
    void aTaskOfAnErasedCustomerCannotBeChangedSoNoNoteNamesThemAgain() {
        Opened task = supportTask();
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/customers/" + task.customerId() + "/erase")
                .then().statusCode(201);

        patch(given(), task.taskId(), Map.of("status", "in_progress", "note", "Anna's new number is 030 5550123")).then().statusCode(409)
                .contentType(PROBLEM_JSON).body("type", equalTo("https://kreis.dev/problems/customer-erased"))
                .body("errors.field", contains("id"));
        patch(Staff.as("support"), task.taskId(), Map.of("status", "done")).then().statusCode(409);
        given().queryParam("customerId", task.customerId().toString()).get("/api/v1/tasks").then().statusCode(200)
                .body("items[0].id", equalTo(task.taskId())).body("items[0].note", nullValue()).body("items[0].status", equalTo("open"));
    }

    @Test
    void customerTagsAreReadWithTheCustomerRecordPermission() {
        UUID customer = customer();
        Staff.as("integration").get("/api/v1/customers/" + customer + "/tags").then().statusCode(200)
                .body("customerId", equalTo(customer.toString())).body("items", org.hamcrest.Matchers.empty());
        Staff.as("viewer").get("/api/v1/customers/" + customer + "/tags").then().statusCode(200);
        given().get("/api/v1/customers/" + UUID.randomUUID() + "/tags").then().statusCode(404).contentType(PROBLEM_JSON);
        given().get("/api/v1/customers/nope/tags").then().statusCode(400).body("errors.field", contains("id"));
        given().auth().none().get("/api/v1/customers/" + customer + "/tags").then().statusCode(401);
    }
}
