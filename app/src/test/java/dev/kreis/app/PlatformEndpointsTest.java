package dev.kreis.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The operational endpoints: health and the OpenAPI document. */
@QuarkusTest
class PlatformEndpointsTest {

    @Test
    void theAppIsReady() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("info.title", equalTo("Kreis API"))
                .body("paths.'/api/v1/profiles'.post", notNullValue())
                .body("paths.'/api/v1/customers/{id}/timeline'.get", notNullValue())
                .body("paths.'/api/v1/touchpoints/batch'.post", notNullValue())
                .body("paths.'/api/v1/merge-suggestions/{id}/dismiss'.post", notNullValue())
                .body("paths.'/api/v1/survivorship'.put", notNullValue());
    }
}
