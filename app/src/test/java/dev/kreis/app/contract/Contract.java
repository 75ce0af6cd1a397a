package dev.kreis.app.contract;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kreis.app.Staff;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Sends requests to the running app and checks each exchange against the document: the status must be
 * documented, the body must match the documented schema of its media type, the headers the document
 * requires must be there, and the body of a request meant to be valid must match the request schema.
 * Problems are collected per operation rather than thrown, so one run names every broken operation.
 */
final class Contract {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiDocument document;
    private final Map<String, List<String>> failures = new TreeMap<>();
    private final Set<String> answeredValid = new LinkedHashSet<>();
    private final Set<String> answeredInvalid = new LinkedHashSet<>();

    Contract(ApiDocument document) {
        this.document = document;
    }

    /** A request to the operation {@code "METHOD /path/template"}; path values fill the template's ids in order. */
    Call call(String operation, Object... pathValues) {
        return new Call(operation, pathValues);
    }

    Map<String, List<String>> failures() {
        return failures;
    }

    Set<String> answeredValid() {
        return answeredValid;
    }

    Set<String> answeredInvalid() {
        return answeredInvalid;
    }

    void fail(String operation, String message) {
        failures.computeIfAbsent(operation, k -> new ArrayList<>()).add(message);
    }

    final class Call {
        private final String operation;
        private final Object[] pathValues;
        private final Map<String, Object> query = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final List<Part> parts = new ArrayList<>();
        private Object body;
        private String contentType = "application/json";
        private String role;
        private boolean anonymous;

        private Call(String operation, Object... pathValues) {
            this.operation = operation;
            this.pathValues = pathValues;
            if (document.operation(operation).isMissingNode()) {
                throw new IllegalArgumentException("No operation " + operation + " in the document");
            }
        }

        Call query(String name, Object value) {
            query.put(name, value);
            return this;
        }

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A part of a multipart/form-data body; a file part has a file name, a field part has none. */
        Call part(String name, String fileName, byte[] content, String type) {
            parts.add(new Part(name, fileName, content, type));
            return this;
        }

        /** A JSON body (a map, list or string of JSON). */
        Call body(Object json) {
            this.body = json;
            return this;
        }

        Call contentType(String type) {
            this.contentType = type;
            return this;
        }

        /** Sent as a local account holding just this role instead of the admin. */
        Call as(String role) {
            this.role = role;
            return this;
        }

        Call anonymous() {
            this.anonymous = true;
            return this;
        }

        /** Sends a request the operation must accept (2xx); answers the response. */
        Response valid() {
            checkRequestBody();
            Response response = send();
            if (response.statusCode() / 100 != 2) {
                fail(operation, "valid request answered " + response.statusCode() + ": " + response.asString());
            } else {
                answeredValid.add(operation);
            }
            return response;
        }

        /** Sends a request the operation must refuse (4xx); answers the response. */
        Response invalid() {
            Response response = send();
            if (response.statusCode() / 100 != 4) {
                fail(operation, "invalid request answered " + response.statusCode() + ": " + response.asString());
            } else {
                answeredInvalid.add(operation);
            }
            return response;
        }

        private void checkRequestBody() {
            if (!parts.isEmpty() && document.operation(operation).path("requestBody").path("content").path("multipart/form-data").isMissingNode()) {
                fail(operation, "request body of type multipart/form-data is not documented");
            }
            if (body == null) {
                return;
            }
            JsonNode schema = document.operation(operation).path("requestBody").path("content").path(contentType).path("schema");
            if (schema.isMissingNode()) {
                fail(operation, "request body of type " + contentType + " is not documented");
                return;
            }
            List<String> messages = document.validate(schema, tree(body instanceof String text ? text : write(body)));
            if (!messages.isEmpty()) {
                fail(operation, "a valid request body does not match the documented schema: " + messages);
            }
        }

        private Response send() {
            String path = operation.substring(operation.indexOf(' ') + 1);
            for (Object value : pathValues) {
                path = path.replaceFirst("\\{[^}]+}", String.valueOf(value));
            }
            RequestSpecification request = anonymous ? given().auth().none() : role != null ? Staff.as(role) : given();
            query.forEach(request::queryParam);
            headers.forEach(request::header);
            for (Part part : parts) {
                if (part.fileName() == null) {
                    request.multiPart(part.name(), new String(part.content(), java.nio.charset.StandardCharsets.UTF_8), part.type());
                } else {
                    request.multiPart(part.name(), part.fileName(), part.content(), part.type());
                }
            }
            if (body != null) {
                request.contentType(contentType).body(body instanceof String text ? text : write(body));
            }
            Response response = request.request(operation.substring(0, operation.indexOf(' ')), path);
            check(response);
            return response;
        }

        private void check(Response response) {
            int status = response.statusCode();
            var documented = document.response(operation, status);
            if (documented.isEmpty()) {
                fail(operation, "answered undocumented status " + status + ": " + response.asString());
                return;
            }
            documented.get().path("headers").fields().forEachRemaining(header -> {
                if (header.getValue().path("required").asBoolean(false) && response.header(header.getKey()) == null) {
                    fail(operation, status + " lacks the required header " + header.getKey());
                }
            });
            String text = response.asString();
            JsonNode content = documented.get().path("content");
            if (text.isEmpty()) {
                if (!content.isMissingNode() && !content.isEmpty()) {
                    fail(operation, status + " answered no body where the document promises " + content.fieldNames().next());
                }
                return;
            }
            String type = response.contentType() == null ? "" : response.contentType().replaceAll(";.*", "").trim();
            JsonNode schema = content.path(type).path("schema");
            if (!content.has(type)) {
                fail(operation, status + " answered " + type + " which is not documented (documented: " + content + ")");
            } else if (type.endsWith("json")) {
                List<String> messages = document.validate(schema, tree(text));
                if (!messages.isEmpty()) {
                    fail(operation, status + " body does not match the schema: " + messages + " in " + abbreviated(text));
                }
            }
        }
    }

    private record Part(String name, String fileName, byte[] content, String type) {
    }

    private static String abbreviated(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }
}
