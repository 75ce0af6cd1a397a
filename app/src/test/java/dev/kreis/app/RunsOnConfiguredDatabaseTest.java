package dev.kreis.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;

import org.junit.jupiter.api.Test;

import dev.kreis.platform.storage.Database;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class RunsOnConfiguredDatabaseTest {

    @Inject
    Database database;

    @Test
    void theDatabaseNamedByKreisDbKindIsTheOneInUse() throws Exception {
        String expected = System.getProperty("kreis.db.kind", "h2");
        assertEquals(expected, database.kind().datasourceName());
        try (Connection connection = database.connection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
            assertEquals(expected, product.contains("postgres") ? "postgresql" : product);
        }
    }

    @Test
    void readinessReportsTheActiveDatabaseUp() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }
}
