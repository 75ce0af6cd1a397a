package dev.kreis.app;

import static dev.kreis.app.Fixtures.PROBLEM_JSON;
import static dev.kreis.app.Fixtures.postRaw;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.kreis.app.modules.ModuleAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Numbers and times no field can hold are 422 naming the field, read by no code and stored nowhere. */
@QuarkusTest
class JsonBoundsApiTest {

    @BeforeEach
    void salesInstalled() {
        ModuleAdmin.ensureEnabled("sales");
    }

    @ParameterizedTest
    @ValueSource(strings = { "1e400", "-1e400", "1e999999999", "-1e999999999", "1E+9999999" })
    void aDealAmountBeyondAnyRangeIs422NamingTheAmount(String amount) {
        UUID customer = Fixtures.person("crm").email(Fixtures.email()).create().customerId();
        given().contentType(ContentType.JSON).body("{\"customerId\":\"" + customer + "\",\"name\":\"Huge\",\"amount\":" + amount + "}")
                .post("/api/v1/sales/deals").then().statusCode(422).contentType(PROBLEM_JSON).body("errors.field", hasItem("amount"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "+999999999-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z" })
    void aTouchpointTimeOutsideTheYearsOneTo9999Is422NamingTheField(String occurredAt) {
        postRaw("/api/v1/touchpoints", "{\"source\":\"shop\",\"externalId\":\"" + Fixtures.unique() + "\",\"type\":\"core.interaction\","
                + "\"occurredAt\":\"" + occurredAt + "\",\"customer\":{\"kind\":\"person\",\"identifiers\":[{\"type\":\"email\",\"value\":\""
                + Fixtures.email() + "\"}]}}").then().statusCode(422).contentType(PROBLEM_JSON).body("errors.field", hasItem("occurredAt"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "1e400", "1e999999999" })
    void aNumberBeyondAnyRangeInFreeJsonIs422NamingItsPath(String number) {
        postRaw("/api/v1/touchpoints", "{\"source\":\"shop\",\"externalId\":\"" + Fixtures.unique() + "\",\"type\":\"core.interaction\","
                + "\"occurredAt\":\"2025-03-01T10:00:00Z\",\"customer\":{\"kind\":\"person\",\"identifiers\":[{\"type\":\"email\",\"value\":\""
                + Fixtures.email() + "\"}]},\"payload\":{\"lines\":[{\"price\":" + number + "}]}}").then().statusCode(422)
                .contentType(PROBLEM_JSON).body("errors.field", hasItem("payload.lines[0].price"));
    }
}
