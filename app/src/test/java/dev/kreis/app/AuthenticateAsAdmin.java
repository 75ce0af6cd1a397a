package dev.kreis.app;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Every API test speaks as the bootstrap admin unless it says otherwise ({@code given().auth().none()},
 * or {@link Staff#as(String)} for another role). Registered for every {@code @QuarkusTest} through the service loader.
 */
public class AuthenticateAsAdmin implements QuarkusTestBeforeEachCallback {
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "kreis-test-bootstrap-password";

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        RestAssured.authentication = RestAssured.preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }
}
