package dev.kreis.platform.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes what every operation shares explicit in the document, from rules the server really follows:
 * <ul>
 * <li>every {@code /api/} operation is secured (endpoints without a security annotation are denied), accepts
 * HTTP Basic and bearer tokens, and answers 401 and 403; {@code /public/} operations and those declaring an empty
 * {@code @SecurityRequirementsSet} (a signed webhook) need no credentials;</li>
 * <li>an operation with parameters or a body answers 400 for a malformed one; one with a body answers 413 for
 * one over the size limit, and 415 for another media type when it takes JSON only;</li>
 * <li>{@code limit}, {@code cursor} and id parameters get the schema their parsing enforces;</li>
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
        components.addSchema("JsonDocument", OASFactory.createSchema().description("Free JSON where a field says which kinds it holds "
                + "(an audit entry's before and after: an object, an array or null). No type of its own, so generated clients read it "
                + "as any JSON value rather than as alternatives they cannot express."));
        openAPI.setSecurity(null);
        if (openAPI.getServers() == null || openAPI.getServers().isEmpty()) {
            openAPI.addServer(OASFactory.createServer().url("/").description("This Kreis installation"));
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> complete(path, method, operation)));
        GeneratorFriendlySchemas.apply(openAPI);
    }

    /**
     * A schema of alternatives ({@code oneOf}) takes its types from them, not the object type annotations default to (a nullable one gains the
     * alternative null), and alternatives that are all scalars become a schema with no type ({@link #untypedScalar}); nor is a
     * reference to it, so a reference carries no type of its own (the referenced schema has it). An array of
     * free JSON ({@code JsonSchemas.JsonArray}) says so with an empty items schema. A nullable enumeration lists
     * null among its values, as JSON Schema needs for null to be valid.
     */
    @Override
    public Schema filterSchema(Schema schema) {
        if (List.of(Schema.SchemaType.ARRAY).equals(schema.getType()) && schema.getItems() == null) {
            schema.setItems(OASFactory.createSchema());
        }
        if (schema.getEnumeration() != null && schema.getType() != null && schema.getType().contains(Schema.SchemaType.NULL)
                && !schema.getEnumeration().contains(null)) {
            List<Object> values = new java.util.ArrayList<>(schema.getEnumeration());
            values.add(null);
            schema.setEnumeration(values);
        }
        if (schema.getRef() != null && List.of(Schema.SchemaType.OBJECT).equals(schema.getType())) {
            schema.setType(null);
        }
        boolean alternatives = schema.getOneOf() != null && !schema.getOneOf().isEmpty();
        if (alternatives && List.of(Schema.SchemaType.OBJECT, Schema.SchemaType.NULL).equals(schema.getType())) {
            schema.setType(null);
            schema.addOneOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
        }
        if (alternatives && schema.getOneOf().stream().anyMatch(ApiContractFilter::isScalar)
                && schema.getOneOf().stream().allMatch(alternative -> isScalar(alternative) || isNull(alternative))) {
            untypedScalar(schema);
        } else if (alternatives && List.of(Schema.SchemaType.OBJECT).equals(schema.getType())) {
            schema.setType(null);
        }
        return schema;
    }

    /**
     * Alternatives that are all scalars ({@code oneOf} string, number, boolean, as {@code JsonSchemas.ScalarValue} declares)
     * become a schema with no type whose description names the kinds. A scalar value matches several of them once a
     * generated client coerces scalars (openapi-generator's Java deserializer then finds "3 classes match") and a list
     * of types is not supported by every generator either; a schema with no type is read as any JSON value (Java
     * {@code Object}, TypeScript {@code unknown}), which is what the value is on the wire.
     */
    private static void untypedScalar(Schema schema) {
        List<String> kinds = new ArrayList<>();
        boolean nullable = false;
        for (Schema alternative : schema.getOneOf()) {
            for (Schema.SchemaType type : alternative.getType()) {
                String kind = switch (type) {
                    case STRING -> "a string";
                    case NUMBER -> "a number";
                    case INTEGER -> "an integer";
                    case BOOLEAN -> "a boolean";
                    case NULL -> {
                        nullable = true;
                        yield null;
                    }
                    default -> null;
                };
                if (kind != null && !kinds.contains(kind)) {
                    kinds.add(kind);
                }
            }
        }
        String phrase = kinds.size() == 1 ? kinds.get(0)
                : String.join(", ", kinds.subList(0, kinds.size() - 1)) + " or " + kinds.get(kinds.size() - 1);
        if (nullable) {
            phrase += " (or null)";
        }
        String description = schema.getDescription();
        if (description == null || description.isBlank()) {
            schema.setDescription("Any JSON value that is " + phrase + ".");
        } else if (!description.contains(phrase)) {
            schema.setDescription(description + ": " + phrase);
        }
        schema.setOneOf(null);
        schema.setType(null);
    }

    private static boolean isNull(Schema schema) {
        return List.of(Schema.SchemaType.NULL).equals(schema.getType());
    }

    private static boolean isScalar(Schema schema) {
        return schema.getType() != null && !schema.getType().isEmpty() && schema.getType().stream()
                .allMatch(type -> type == Schema.SchemaType.STRING || type == Schema.SchemaType.NUMBER
                        || type == Schema.SchemaType.INTEGER || type == Schema.SchemaType.BOOLEAN);
    }

    /**
     * Basic and bearer first, then any other scheme a filter already offers (the realm's openIdConnect scheme in
     * keycloak mode), so the order in which the filters run does not matter.
     */
    private static List<SecurityRequirement> withBasicAndBearer(List<SecurityRequirement> present) {
        List<SecurityRequirement> alternatives = new ArrayList<>(List.of(OASFactory.createSecurityRequirement().addScheme("basic"),
                OASFactory.createSecurityRequirement().addScheme("bearer")));
        if (present != null) {
            present.stream().filter(requirement -> requirement.getSchemes() != null && !requirement.getSchemes().isEmpty()
                    && !requirement.getSchemes().containsKey("basic") && !requirement.getSchemes().containsKey("bearer"))
                    .forEach(alternatives::add);
        }
        return alternatives;
    }

    /** An operation annotated with an empty {@code @SecurityRequirementsSet} (a signed webhook) takes no login. */
    private static boolean declaresNoLogin(Operation operation) {
        return operation.getSecurity() != null && !operation.getSecurity().isEmpty() && operation.getSecurity().stream()
                .allMatch(requirement -> requirement.getSchemes() == null || requirement.getSchemes().isEmpty());
    }

    private static void complete(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean secured = path.startsWith("/api/") && !declaresNoLogin(operation);
        if (secured) {
            operation.setSecurity(withBasicAndBearer(operation.getSecurity()));
            addIfMissing(responses, "401", "No credentials, or credentials that are not valid");
            addIfMissing(responses, "403", "The caller lacks the permission this operation needs");
        } else {
            operation.setSecurity(null);
        }
        if (operation.getDescription() == null || operation.getDescription().isBlank()) {
            operation.setDescription(operation.getSummary());
        }
        Content body = operation.getRequestBody() == null ? null : operation.getRequestBody().getContent();
        boolean takesOnlyJson = body != null && body.hasMediaType("application/json") && !body.hasMediaType("*/*");
        boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (hasParameters || body != null) {
            addIfMissing(responses, "400", "A malformed parameter or body; the problem names it");
        }
        if (body != null) {
            addIfMissing(responses, "413", "The body is larger than the server accepts");
        }
        if (takesOnlyJson) {
            addIfMissing(responses, "415", "The body is not sent as application/json");
        }
        if (hasParameters) {
            operation.getParameters().forEach(parameter -> describe(path, parameter));
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if (response.getHeaders() != null) {
                response.getHeaders().forEach((name, header) -> {
                    if (header.getRef() == null && header.getSchema() == null && header.getContent() == null) {
                        header.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                                .format("Location".equals(name) ? "uri-reference" : null));
                    }
                });
            }
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

    /**
     * The parameters every list and every entity share are parsed by {@link QueryParams} and {@link Ids}:
     * {@code limit} is 1 to {@value QueryParams#MAX_LIMIT}, {@code cursor} is opaque, and an {@code id} is a UUID
     * everywhere but under {@code /api/v1/modules}, whose ids are module ids.
     */
    private static void describe(String path, Parameter parameter) {
        String name = parameter.getName();
        if (parameter.getIn() == Parameter.In.QUERY && "limit".equals(name)) {
            parameter.schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                    .minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(QueryParams.MAX_LIMIT))
                    .defaultValue(QueryParams.DEFAULT_LIMIT));
            describeIfMissing(parameter, "How many items a page holds at most");
            parameter.setExample(20);
        } else if (parameter.getIn() == Parameter.In.QUERY && "cursor".equals(name)) {
            describeIfMissing(parameter, "The nextCursor of the previous page; left out for the first page");
        } else if (parameter.getIn() == Parameter.In.PATH && ("id".equals(name) || name.endsWith("Id"))
                && !path.startsWith("/api/v1/modules/")) {
            parameter.schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uuid"));
            describeIfMissing(parameter, "The id (a UUID)");
            parameter.setExample("4b0c6a8e-2f4e-4c1a-9d5e-0f1c2b3a4d5e");
        }
    }

    private static void describeIfMissing(Parameter parameter, String description) {
        if (parameter.getDescription() == null || parameter.getDescription().isBlank()) {
            parameter.setDescription(description);
        }
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
