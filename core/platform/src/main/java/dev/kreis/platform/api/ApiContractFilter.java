package dev.kreis.platform.api;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes what every operation shares explicit in the document, from rules the server really follows:
 * <ul>
 * <li>every {@code /api/} operation is secured (endpoints without a security annotation are denied), accepts
 * HTTP Basic and bearer tokens, and answers 401 and 403; {@code /public/} operations need no credentials;</li>
 * <li>an operation with parameters or a body answers 400 for a malformed one; one taking JSON answers 415 for
 * another media type;</li>
 * <li>every error response is an RFC 9457 problem ({@code application/problem+json}, the {@code Problem}
 * schema), and 429 carries {@code Retry-After}.</li>
 * </ul>
 * Operations declare their own success statuses and their specific errors (404, 409, 410, 413, 422, 429);
 * this filter adds the content. Registered with {@code mp.openapi.filter}.
 */
public class ApiContractFilter implements OASFilter {
    static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema("Problem", problemSchema());
        openAPI.setSecurity(null);
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> complete(path, method, operation)));
    }

    private static void complete(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean secured = path.startsWith("/api/");
        if (secured) {
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme("basic"),
                    OASFactory.createSecurityRequirement().addScheme("bearer")));
            addIfMissing(responses, "401", "No credentials, or credentials that are not valid");
            addIfMissing(responses, "403", "The caller lacks the permission this operation needs");
        } else {
            operation.setSecurity(null);
        }
        boolean takesJson = operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().hasMediaType("application/json");
        boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (hasParameters || operation.getRequestBody() != null) {
            addIfMissing(responses, "400", "A malformed parameter or body; the problem names it");
        }
        if (takesJson) {
            addIfMissing(responses, "415", "The body is not sent as application/json");
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if (isError(code) && response.getRef() == null) {
                response.setContent(problemContent());
                if ("429".equals(code)) {
                    response.addHeader("Retry-After", OASFactory.createHeader().required(true)
                            .description("Seconds to wait before trying again")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.ONE)));
                }
            }
        });
    }

    private static boolean isError(String code) {
        return code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5');
    }

    private static void addIfMissing(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            APIResponse response = OASFactory.createAPIResponse().description(description);
            responses.addAPIResponse(code, response);
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Schema problemSchema() {
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One invalid field")
                .required(List.of("field", "message"))
                .properties(Map.of(
                        "field", string("The field's JSON path or the parameter's name, e.g. items[3].customer.identifiers[0].value",
                                "identifiers[0].value"),
                        "message", string("What is wrong with it", "is not a valid e-mail address")));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem detail; errors names each invalid field")
                .required(List.of("type", "title", "status"))
                .properties(Map.of(
                        "type", string("A URI identifying the kind of problem", "https://kreis.dev/problems/invalid-input")
                                .format("uri"),
                        "title", string("A short summary of the kind of problem", "Invalid input"),
                        "status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.valueOf(400))
                                .maximum(java.math.BigDecimal.valueOf(599)).description("The HTTP status").examples(List.of(422)),
                        "detail", string("What went wrong in this request", "1 field is invalid"),
                        "errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError)
                                .description("The invalid fields; left out when none")))
                .examples(List.of(Map.of("type", "https://kreis.dev/problems/invalid-input", "title", "Invalid input",
                        "status", 422, "detail", "1 field is invalid",
                        "errors", List.of(Map.of("field", "identifiers[0].value", "message", "is not a valid e-mail address")))));
    }

    private static Schema string(String description, String example) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description).examples(List.of(example));
    }
}
