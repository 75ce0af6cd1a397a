package dev.kreis.app.modules;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Every operation of the bundled modules is in the API document the way docs/modules.md asks: a unique operationId, a
 * description, the statuses every module operation answers (401, 403, 404 also while the module is not installed) pointing
 * at the shared problem schema, a documented success, and 422 wherever a body is read.
 */
@QuarkusTest
class ModuleApiDocumentTest {
    private static final List<String> MODULES = List.of("marketing", "sales", "support");
    private static final String PROBLEM = "#/components/schemas/Problem";

    @Test
    void everyModuleOperationHasAnIdADescriptionItsStatusesAndTheSharedProblem() {
        JsonPath document = given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        Set<String> operationIds = new HashSet<>();
        List<String> faults = new ArrayList<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            if (MODULES.stream().noneMatch(m -> path.getKey().startsWith("/api/v1/" + m + "/"))) {
                continue;
            }
            for (var entry : path.getValue().entrySet()) {
                if (!List.of("get", "post", "put", "patch", "delete").contains(entry.getKey())) {
                    continue;
                }
                operations++;
                String where = entry.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> operation = entry.getValue();
                Object id = operation.get("operationId");
                if (id == null || !operationIds.add(id.toString())) {
                    faults.add(where + ": missing or repeated operationId " + id);
                }
                if (operation.get("description") == null) {
                    faults.add(where + ": no description");
                }
                String responses = "paths.'" + path.getKey() + "'." + entry.getKey() + ".responses";
                Map<String, Object> statuses = document.getMap(responses);
                if (statuses.keySet().stream().noneMatch(s -> s.startsWith("2"))) {
                    faults.add(where + ": no success documented");
                }
                List<String> errors = new ArrayList<>(List.of("401", "403", "404"));
                if (operation.containsKey("requestBody")) {
                    errors.add("422");
                }
                for (String status : errors) {
                    if (!PROBLEM.equals(document.getString(responses + ".'" + status + "'.content.'application/problem+json'.schema.$ref"))) {
                        faults.add(where + ": " + status + " is not documented as a Problem");
                    }
                }
            }
        }
        assertEquals(List.of(), faults);
        assertTrue(operations >= 37, "the modules' operations are in the document: " + operations);
    }

    @Test
    void aPatchBodyIsDocumentedFromItsRecordNothingRequiredNullOnlyWhereItClears() {
        JsonPath document = given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        for (String change : List.of("ChangeLeadRequest", "ChangeDealRequest", "ChangeCampaignRequest")) {
            assertNull(document.get("components.schemas." + change + ".required"), change + " requires nothing");
        }
        assertEquals(List.of("string", "null"), types(document, "ChangeLeadRequest", "email"));
        assertEquals(254, document.getInt("components.schemas.ChangeLeadRequest.properties.email.maxLength"));
        assertEquals(List.of("string"), types(document, "ChangeLeadRequest", "status"));
        assertEquals(List.of("string"), types(document, "ChangeDealRequest", "name"));
        assertEquals(200, document.getInt("components.schemas.ChangeDealRequest.properties.name.maxLength"));
        assertEquals(List.of("number"), types(document, "ChangeDealRequest", "amount"));
        assertEquals(List.of("string", "null"), types(document, "ChangeDealRequest", "expectedCloseOn"));
        assertEquals(List.of("number", "null"), types(document, "ChangeCampaignRequest", "budget"));
        assertTrue(document.getString("components.schemas.ChangeCampaignRequest.properties.audience").contains("CampaignAudienceRequest"),
                "the audience is the nested record");
        assertEquals(2, document.getList("components.schemas.EmailEventsRequest.oneOf").size());
    }

    private static List<Object> types(JsonPath document, String schema, String property) {
        Object type = document.get("components.schemas." + schema + ".properties." + property + ".type");
        return type instanceof List<?> list ? List.copyOf(list) : List.of(String.valueOf(type));
    }
}
