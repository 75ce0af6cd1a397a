package dev.kreis.app.bulk;

import static dev.kreis.app.Fixtures.email;
import static dev.kreis.app.Fixtures.person;
import static dev.kreis.app.Fixtures.postJson;
import static dev.kreis.app.Fixtures.touchpointFor;
import static dev.kreis.app.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.kreis.app.Fixtures.Created;
import dev.kreis.app.Staff;
import io.quarkus.test.junit.QuarkusTest;

/** CSV exports of customers, touchpoints and KPI series. */
@QuarkusTest
class CsvExportApiTest {

    @Test
    void theCustomerExportHoldsTheFilteredCustomersWithFormulasNeutralised() {
        String mail = email();
        Created anna = person("crm").name("=HYPERLINK(\"http://evil\")", "Export" + unique()).email(mail).create();
        postJson("/api/v1/touchpoints", touchpointFor(anna.customerId()).source("survey").set("type", "feedback.nps").set("score", 9).json())
                .then().statusCode(201);

        String csv = given().queryParam("q", mail).get("/api/v1/exports/customers.csv").then().statusCode(200)
                .contentType("text/csv").extract().asString();

        String[] lines = csv.strip().split("\r\n");
        assertEquals(2, lines.length, csv);
        assertTrue(lines[0].startsWith("id,kind,displayName,email,phone,firstName"), lines[0]);
        assertTrue(lines[1].startsWith(anna.customerId() + ",person,"), lines[1]);
        assertTrue(lines[1].contains("\"'=HYPERLINK(\"\"http://evil\"\")\""), lines[1]);
        assertTrue(lines[1].contains("," + mail + ","), lines[1]);
        assertTrue(lines[1].contains(",9,,1,") || lines[1].contains(",9,,2,"), lines[1]);
    }

    @Test
    void theTouchpointExportFiltersByTypeAndTimeAndWritesGermanNumbersOnRequest() {
        Created customer = person("crm").email(email()).create();
        String source = "shop-" + unique().toLowerCase(Locale.ROOT);
        postJson("/api/v1/touchpoints", touchpointFor(customer.customerId()).source(source).set("type", "revenue.order").set("amount", 1234.56)
                .set("occurredAt", "2020-02-03T10:00:00Z").json()).then().statusCode(201);
        postJson("/api/v1/touchpoints", touchpointFor(customer.customerId()).source(source).set("type", "revenue.order").set("amount", 5)
                .set("occurredAt", "2020-03-03T10:00:00Z").json()).then().statusCode(201);

        byte[] body = given().queryParam("type", "revenue.order").queryParam("from", "2020-02-01T00:00:00Z").queryParam("to", "2020-03-01T00:00:00Z")
                .queryParam("lang", "de").get("/api/v1/exports/touchpoints.csv").then().statusCode(200).extract().asByteArray();

        String csv = new String(body, StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFID;Kunden-ID;Quelle"), csv);
        List<String> ours = csv.lines().filter(l -> l.contains(source)).toList();
        assertEquals(1, ours.size(), csv);
        assertTrue(ours.get(0).contains(";1234,56;"), ours.get(0));
    }

    @Test
    void aKpiSeriesExportsAsCsvAndAnUnknownKpiIs404() {
        String csv = given().queryParam("from", "2001-01-01").queryParam("to", "2001-01-03").get("/api/v1/exports/kpis/nps/series.csv")
                .then().statusCode(200).extract().asString();
        assertEquals(List.of("from,to,value,sampleSize", "2001-01-01,2001-01-02,,0", "2001-01-02,2001-01-03,,0"),
                List.of(csv.strip().split("\r\n")));
        given().get("/api/v1/exports/kpis/no-such-kpi/series.csv").then().statusCode(404);
        given().queryParam("from", "yesterday").get("/api/v1/exports/touchpoints.csv").then().statusCode(400);
    }

    @Test
    void staffExportWhatTheyMayReadAndNoMore() {
        Staff.as("viewer").get("/api/v1/exports/customers.csv?q=nobody-" + unique()).then().statusCode(200);
        Staff.as("marketing").get("/api/v1/exports/touchpoints.csv?type=no.such_type").then().statusCode(200);
        Staff.as("integration").get("/api/v1/exports/kpis/nps/series.csv").then().statusCode(403);
        given().auth().none().get("/api/v1/exports/customers.csv").then().statusCode(401);
    }
}
