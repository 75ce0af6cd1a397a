package dev.kreis.app;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * While PostgreSQL is away, every request that needs it answers 503 problem+json with Retry-After (not a
 * generic 500), the outage is logged once however many requests fail, and requests are answered again
 * once the database is back. The database is the test's own ({@link OwnPostgres}), stopped under load.
 */
@QuarkusTest
@TestProfile(DatabaseOutageApiTest.OwnDatabase.class)
class DatabaseOutageApiTest {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(DatabaseOutageApiTest.class);
    private static final String OUTAGE_LOGGER = "dev.kreis.platform.storage.DatabaseOutage";

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OwnPostgres.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // A generous acquisition timeout only so the start on a busy machine is not refused; a stopped server refuses
            // connections at once, so the 503s below do not wait for it.
            return Map.of("kreis.kpis.fold-interval", "0S", "kreis.database-outage.probe-interval", "200MS",
                    "quarkus.datasource.postgresql.jdbc.acquisition-timeout", "20S");
        }
    }

    @Test
    void whileTheDatabaseIsAwayRequestsAnswer503WithRetryAfterAndTheOutageIsLoggedOnce() throws Exception {
        Assumptions.assumeTrue(OwnPostgres.available(), OwnPostgres.absence());
        UUID customer = Fixtures.person("crm").email(Fixtures.email()).create().customerId();
        given().get("/api/v1/customers/" + customer).then().statusCode(200);

        AtomicInteger outagesLogged = new AtomicInteger();
        Handler counter = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    outagesLogged.incrementAndGet();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(OUTAGE_LOGGER);
        logger.addHandler(counter);
        try {
            OwnPostgres.stopServer();
            List<Response> answers = underLoad(customer, 8, 6);
            for (Response answer : answers) {
                assertEquals(503, answer.statusCode(), answer.asString());
                assertEquals(Fixtures.PROBLEM_JSON, answer.contentType());
                assertEquals("5", answer.header("Retry-After"));
                assertEquals(503, answer.jsonPath().getInt("status"));
            }
            LOG.infof("During the outage %d requests answered 503; slowest %d ms (for the record, not asserted)", answers.size(),
                    answers.stream().mapToLong(Response::time).max().orElse(0));
            assertEquals(1, outagesLogged.get(), "the outage is logged once, not per request");
        } finally {
            logger.removeHandler(counter);
            OwnPostgres.startServer();
        }
        int status = 0;
        for (int attempt = 0; attempt < 100 && status != 200; attempt++) {
            status = given().get("/api/v1/customers/" + customer).statusCode();
            if (status != 200) {
                Thread.sleep(200);
            }
        }
        assertEquals(200, status, "answered again once the database is back");
    }

    private static List<Response> underLoad(UUID customer, int clients, int requestsEach) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<Response>>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    List<Response> answers = new ArrayList<>();
                    for (int i = 0; i < requestsEach; i++) {
                        answers.add(client % 2 == 0 ? given().get("/api/v1/customers/" + customer)
                                : Fixtures.person("crm").email(Fixtures.email()).post());
                    }
                    return answers;
                }));
            }
            List<Response> all = new ArrayList<>();
            for (Future<List<Response>> future : futures) {
                all.addAll(future.get());
            }
            assertTrue(all.size() == clients * requestsEach);
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
