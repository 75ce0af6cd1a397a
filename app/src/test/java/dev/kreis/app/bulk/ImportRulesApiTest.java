package dev.kreis.app.bulk;

import static dev.kreis.app.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kreis.app.Staff;
import dev.kreis.platform.bulk.ImportProcessing;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/** Who may import, what a bad spec or file answers, throttling, saved mappings and the error report's safety. */
@QuarkusTest
class ImportRulesApiTest {

    @Inject
    ImportProcessing processing;

    private static final byte[] FILE = "Nr,Mail\nK-1,anna@example.com\n".getBytes(StandardCharsets.UTF_8);

    private static String spec(String source) {
        return "{\"kind\":\"profiles\",\"source\":\"" + source + "\",\"dryRun\":true,\"columns\":{\"Nr\":{\"field\":\"externalId\"},"
                + "\"Mail\":{\"identifier\":\"email\"}}}";
    }

    private static String source() {
        return "rules-" + unique().toLowerCase(Locale.ROOT);
    }

    @Test
    void adminsCxManagersAndIntegrationsImportAndOtherRolesAreRefused() {
        for (String role : List.of("admin", "cx-manager", "integration")) {
            String id = Imports.upload(Staff.as(role), spec(source()), FILE, "a.csv").then().statusCode(202)
                    .header("Location", notNullValue()).extract().jsonPath().getString("id");
            Imports.workUntilEnded(processing, UUID.fromString(id));
            Staff.as(role).get("/api/v1/imports/" + id).then().statusCode(200).body("status", equalTo("succeeded"));
        }
        for (String role : List.of("marketing", "sales", "support", "viewer")) {
            Imports.upload(Staff.as(role), spec(source()), FILE, "a.csv").then().statusCode(403);
            Staff.as(role).get("/api/v1/imports").then().statusCode(403);
        }
        Imports.upload(given().auth().none(), spec(source()), FILE, "a.csv").then().statusCode(401);
    }

    @Test
    void integrationCancelsItsOwnImportsButNotAnyoneElsesAndTheCancellationIsAudited() {
        String own = Imports.upload(Staff.as("integration"), spec(source()), FILE, "own.csv").then().statusCode(202)
                .extract().jsonPath().getString("id");
        String others = Imports.upload(Staff.as("cx-manager"), spec(source()), FILE, "others.csv").then().statusCode(202)
                .extract().jsonPath().getString("id");

        Staff.as("integration").delete("/api/v1/imports/" + others).then().statusCode(403);
        Staff.as("integration").delete("/api/v1/imports/" + UUID.randomUUID()).then().statusCode(403);
        given().get("/api/v1/imports/" + others).then().statusCode(200).body("status", equalTo("queued"));
        Staff.as("integration").delete("/api/v1/imports/" + own).then().statusCode(200).body("status", equalTo("cancelled"));
        Staff.as("cx-manager").delete("/api/v1/imports/" + others).then().statusCode(200).body("status", equalTo("cancelled"));

        given().queryParam("action", "data.deleted").queryParam("targetId", "DELETE /api/v1/imports/" + own).get("/api/v1/audit")
                .then().statusCode(200).body("items.actor", hasItem(Staff.username("integration")));
    }

    @Test
    void anInvalidSpecIsRefusedNamingEachField() {
        Imports.upload("{\"kind\":\"contacts\",\"source\":\"\",\"options\":{\"delimiter\":\"|\",\"encoding\":\"EBCDIC\"},"
                + "\"columns\":{\"Nr\":{\"field\":\"nickname\"}}}", FILE).then().statusCode(422)
                .body("errors.field", hasItem("spec.kind")).body("errors.field", hasItem("spec.source"))
                .body("errors.field", hasItem("spec.options.delimiter")).body("errors.field", hasItem("spec.options.encoding"));
        Imports.upload("{\"kind\":\"profiles\",\"source\":\"x\",\"columns\":{\"Nr\":{\"field\":\"nickname\"}}}", FILE).then().statusCode(422)
                .body("errors.field", hasItem("spec.columns.Nr.field"));
        Imports.upload("{not json", FILE).then().statusCode(400).body("errors[0].field", equalTo("spec"));
    }

    @Test
    void aFileWithoutAMappedColumnOrNoFileAtAllIsRefused() {
        Imports.upload(spec(source()).replace("\"Mail\"", "\"E-Mail\""), FILE).then().statusCode(422)
                .body("errors[0].field", equalTo("spec.columns.e-mail"));
        given().multiPart("spec", spec(source()), "application/json").post("/api/v1/imports").then().statusCode(422)
                .body("errors[0].field", equalTo("file"));
        Imports.upload(spec(source()), new byte[0]).then().statusCode(422).body("errors[0].field", equalTo("file"));
    }

    @Test
    void oneCallerCannotQueueMoreThanTheLimitOfImports() {
        String user = Staff.createUser(List.of("cx-manager"));
        RequestSpecification as = given().auth().preemptive().basic(user, "staff-password-for-tests");
        String first = Imports.upload(as, spec(source()), FILE, "a.csv").then().statusCode(202).extract().jsonPath().getString("id");
        String second = Imports.upload(given().auth().preemptive().basic(user, "staff-password-for-tests"), spec(source()), FILE, "a.csv")
                .then().statusCode(202).extract().jsonPath().getString("id");

        Imports.upload(given().auth().preemptive().basic(user, "staff-password-for-tests"), spec(source()), FILE, "a.csv").then()
                .statusCode(429).header("Retry-After", notNullValue());

        given().delete("/api/v1/imports/" + first).then().statusCode(200);
        given().delete("/api/v1/imports/" + second).then().statusCode(200);
    }

    @Test
    void unknownImportsAnswer404() {
        given().get("/api/v1/imports/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/v1/imports/" + UUID.randomUUID() + "/errors.csv").then().statusCode(404);
        given().delete("/api/v1/imports/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aSavedMappingIsUsedByAnImportThatNamesIt() {
        String name = "mapping-" + unique().toLowerCase(Locale.ROOT);
        String source = source();
        given().contentType("application/json").body(spec(source).replace("\"dryRun\":true,", "")).put("/api/v1/import-mappings/" + name)
                .then().statusCode(201).body("spec.columns.Nr.field", equalTo("externalId"));
        given().contentType("application/json").body(spec(source)).put("/api/v1/import-mappings/" + name).then().statusCode(200);
        given().get("/api/v1/import-mappings").then().statusCode(200).body("name", hasItem(name));
        Staff.as("marketing").contentType("application/json").body(spec(source)).put("/api/v1/import-mappings/" + name).then().statusCode(403);
        given().contentType("application/json").body("{\"kind\":\"profiles\"}").put("/api/v1/import-mappings/" + name).then().statusCode(422);

        UUID id = Imports.start("{\"kind\":\"profiles\",\"source\":\"" + source + "\",\"mapping\":\"" + name + "\"}", FILE);

        Imports.workUntilEnded(processing, id);
        given().get("/api/v1/imports/" + id).then().body("status", equalTo("succeeded")).body("counts.created", equalTo(1));
        given().delete("/api/v1/import-mappings/" + name).then().statusCode(204);
        given().get("/api/v1/import-mappings/" + name).then().statusCode(404);
        Imports.upload("{\"kind\":\"profiles\",\"source\":\"x\",\"mapping\":\"" + name + "\"}", FILE).then().statusCode(422)
                .body("errors[0].field", equalTo("spec.mapping"));
    }

    @Test
    void theErrorReportNeutralisesCellsASpreadsheetWouldRunAsFormulas() {
        byte[] file = "Mail,Nr\n=1+2,K-1\n@SUM(A1),K-2\n".getBytes(StandardCharsets.UTF_8);
        UUID id = Imports.start("{\"kind\":\"profiles\",\"source\":\"" + source() + "\",\"columns\":{\"Nr\":{\"field\":\"externalId\"},"
                + "\"Mail\":{\"identifier\":\"email\"}}}", file);

        Imports.workUntilEnded(processing, id);

        String errors = Imports.errors(id);
        assertTrue(errors.contains("1,Mail,identifiers[0].value: is not an e-mail address,\"'=1+2,K-1\""), errors);
        assertTrue(errors.contains("\"'@SUM(A1),K-2\""), errors);
        assertTrue(!errors.contains(",=1+2") && !errors.contains(",@SUM"), errors);
    }
}
