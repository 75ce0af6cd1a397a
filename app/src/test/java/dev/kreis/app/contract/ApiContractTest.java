package dev.kreis.app.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.kreis.platform.bulk.ImportProcessing;
import dev.kreis.platform.signal.SignalEvaluation;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * The OpenAPI document ({@code /q/openapi}) is a contract: it is a valid OpenAPI document, and every operation
 * in it answers as it says. Each operation has a {@link Fixture} that sends requests it must accept and requests
 * it must refuse; every answer's status must be documented and its body must match the documented schema (a
 * JSON-Schema validator, draft 2020-12). An operation added to the API without a fixture fails
 * {@link #everyOperationInTheDocumentHasAFixture()}: add one to {@link PlatformFixtures}, {@link ModuleFixtures} or
 * {@link IntegrationFixtures}.
 * The document checked last is left in {@code app/target/openapi.json} (for Spectral, see tools/openapi-lint).
 */
@QuarkusTest
class ApiContractTest {

    @Inject
    SignalEvaluation signals;

    @Inject
    ImportProcessing imports;

    private static String documentText() {
        return given().auth().none().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().asString();
    }

    private Map<String, Fixture> fixtures() {
        Map<String, Fixture> fixtures = new LinkedHashMap<>();
        PlatformFixtures.register(fixtures, signals);
        ModuleFixtures.register(fixtures);
        IntegrationFixtures.register(fixtures, imports);
        return fixtures;
    }

    @Test
    void theDocumentPassesAStructuralOpenApiValidator() throws java.io.IOException {
        String document = documentText();
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), document);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(document, null, options);
        assertTrue(result.getOpenAPI() != null, "the parser read no document");
        assertEquals(List.of(), result.getMessages());
    }

    @Test
    void everyOperationInTheDocumentHasAFixture() {
        ApiDocument document = new ApiDocument(documentText());
        Map<String, Fixture> fixtures = fixtures();
        List<String> missing = document.operations().stream().filter(operation -> !fixtures.containsKey(operation)).toList();
        List<String> stale = fixtures.keySet().stream().filter(operation -> !document.operations().contains(operation)).toList();
        assertEquals(List.of(), missing, "operations without a fixture");
        assertEquals(List.of(), stale, "fixtures of operations the document does not have");
    }

    @Test
    void everyOperationAnswersAsTheDocumentSays() {
        ApiDocument document = new ApiDocument(documentText());
        Contract contract = new Contract(document);
        Map<String, Fixture> fixtures = fixtures();
        for (String operation : document.operations()) {
            Fixture fixture = fixtures.get(operation);
            if (fixture != null) {
                try {
                    fixture.exercise(contract);
                } catch (RuntimeException | AssertionError e) {
                    contract.fail(operation, "fixture failed: " + e);
                }
            }
            if (operation.contains(" /api/")) {
                contract.call(operation, pathValues(operation)).anonymous().invalid();
            }
        }
        Map<String, List<String>> failures = new TreeMap<>(contract.failures());
        for (String operation : document.operations()) {
            if (fixtures.containsKey(operation) && !contract.answeredValid().contains(operation)) {
                failures.computeIfAbsent(operation, k -> new ArrayList<>()).add("no request was accepted");
            }
            if (!contract.answeredInvalid().contains(operation)) {
                failures.computeIfAbsent(operation, k -> new ArrayList<>()).add("no request was refused");
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + document.operations().size() + " operations break the contract:"
                + report(failures));
    }

    private static String report(Map<String, List<String>> failures) {
        StringBuilder report = new StringBuilder();
        failures.forEach((operation, messages) -> {
            report.append('\n').append(operation);
            messages.forEach(message -> report.append("\n    ").append(message));
        });
        return report.toString();
    }

    private static Object[] pathValues(String operation) {
        return java.util.regex.Pattern.compile("\\{[^}]+}").matcher(operation).results()
                .map(match -> (Object) java.util.UUID.randomUUID()).toArray();
    }
}
