package dev.kreis.app.bulk;

import static io.restassured.RestAssured.given;

import java.nio.charset.Charset;
import java.time.OffsetDateTime;
import java.util.UUID;

import dev.kreis.platform.bulk.ImportProcessing;
import dev.kreis.platform.storage.Jdbc;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Starting imports through the API and working on them as a node would, for the import tests. */
final class Imports {
    static final String NODE = "test-node";

    private Imports() {
    }

    static Response upload(RequestSpecification as, String spec, byte[] file, String name) {
        return as.multiPart("spec", spec, "application/json").multiPart("file", name, file, "text/csv").post("/api/v1/imports");
    }

    static Response upload(String spec, byte[] file) {
        return upload(given(), spec, file, "import.csv");
    }

    static UUID start(String spec, byte[] file) {
        return UUID.fromString(upload(spec, file).then().statusCode(202).extract().jsonPath().getString("id"));
    }

    static UUID start(String spec, String text, Charset charset) {
        return start(spec, text.getBytes(charset));
    }

    /** Works on imports (oldest first) until this one has ended; answers it as the API shows it. */
    static JsonPath workUntilEnded(ImportProcessing processing, UUID id) {
        for (int i = 0; i < 100; i++) {
            JsonPath view = view(id);
            if (!view.getString("status").equals("queued") && !view.getString("status").equals("running")) {
                return view;
            }
            processing.workOnNext(NODE, Integer.MAX_VALUE);
        }
        throw new AssertionError("import " + id + " did not end");
    }

    static JsonPath run(ImportProcessing processing, String spec, String text, Charset charset) {
        return workUntilEnded(processing, start(spec, text, charset));
    }

    static JsonPath view(UUID id) {
        return given().get("/api/v1/imports/" + id).then().statusCode(200).extract().jsonPath();
    }

    static String errors(UUID id) {
        return given().get("/api/v1/imports/" + id + "/errors.csv").then().statusCode(200).extract().asString();
    }

    /** Lets the lease of a node that "stopped" run out, as time passing would. */
    static void expireLease(Jdbc jdbc, UUID id) {
        jdbc.update("update bulk_import set lease_expires_at = ? where id = ?", OffsetDateTime.parse("2000-01-01T00:00:00Z"), id);
    }

    static long count(Jdbc jdbc, String sql, Object... params) {
        return jdbc.queryOne(sql, r -> r.getLong(1), params).orElseThrow();
    }
}
