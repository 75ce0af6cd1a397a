package dev.kreis.platform.bulk.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.kreis.platform.api.Problem;
import dev.kreis.platform.audit.Actors;
import dev.kreis.platform.bulk.ImportSpec;
import dev.kreis.platform.bulk.Imports;
import dev.kreis.platform.bulk.persistence.MappingRepository.MappingRow;
import dev.kreis.platform.security.Permissions;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/import-mappings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports")
public class ImportMappingResource {
    private static final String SPEC = "{\"kind\":\"profiles\",\"source\":\"legacy-crm\",\"options\":{\"delimiter\":\";\",\"decimalSeparator\":\",\"},"
            + "\"columns\":{\"Kundennummer\":{\"field\":\"externalId\"},\"E-Mail\":{\"identifier\":\"email\"}}}";
    private static final String SAVED_SPEC = "{\"kind\":\"profiles\",\"source\":\"legacy-crm\",\"dryRun\":null,"
            + "\"options\":{\"delimiter\":\";\",\"encoding\":null,\"decimalSeparator\":\",\",\"dateFormat\":null},"
            + "\"columns\":{\"Kundennummer\":{\"field\":\"externalId\"},\"E-Mail\":{\"identifier\":\"email\"}},\"mapping\":null,\"muteSignals\":null}";
    private static final String VIEW = "{\"name\":\"legacy-crm-contacts\",\"spec\":" + SAVED_SPEC
            + ",\"updatedBy\":\"admin\",\"updatedAt\":\"2026-12-06T04:00:00Z\"}";

    private final Imports imports;
    private final SecurityIdentity caller;

    ImportMappingResource(Imports imports, SecurityIdentity caller) {
        this.imports = imports;
        this.caller = caller;
    }

    @GET
    @PermissionsAllowed(Permissions.IMPORTS_READ)
    @Operation(operationId = "listImportMappings", summary = "Saved import mappings, by name")
    @APIResponse(responseCode = "200", description = "Every saved mapping",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = MappingView.class),
                    examples = @ExampleObject(name = "mappings", value = "[" + VIEW + "]")))
    public List<MappingView> list() {
        return imports.mappings().stream().map(this::view).toList();
    }

    @GET
    @Path("/{name}")
    @PermissionsAllowed(Permissions.IMPORTS_READ)
    @Operation(operationId = "getImportMapping", summary = "One saved import mapping")
    @APIResponse(responseCode = "200", description = "The mapping",
            content = @Content(schema = @Schema(implementation = MappingView.class), examples = @ExampleObject(name = "mapping", value = VIEW)))
    @APIResponse(responseCode = "404", description = "No mapping of that name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MappingView get(@PathParam("name") @Parameter(description = "The mapping's name") String name) {
        return view(imports.mapping(name));
    }

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.IMPORTS_WRITE)
    @Operation(operationId = "saveImportMapping", summary = "Save an import spec under a name",
            description = "An import naming it in spec.mapping takes its options and columns (where it has none of its own).")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ImportSpec.class),
            examples = @ExampleObject(name = "spec", value = SPEC)))
    @APIResponse(responseCode = "201", description = "Saved as a new mapping",
            content = @Content(schema = @Schema(implementation = MappingView.class), examples = @ExampleObject(name = "mapping", value = VIEW)))
    @APIResponse(responseCode = "200", description = "An existing mapping replaced",
            content = @Content(schema = @Schema(implementation = MappingView.class), examples = @ExampleObject(name = "mapping", value = VIEW)))
    @APIResponse(responseCode = "422", description = "The name or the spec is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response save(@PathParam("name") @Parameter(description = "1-100 lower-case letters, digits, '.', '_' or '-'") String name,
            ImportSpec spec) {
        boolean created = imports.saveMapping(name, spec, Actors.of(caller));
        MappingView view = view(imports.mapping(name));
        return created ? Response.created(java.net.URI.create("/api/v1/import-mappings/" + name)).entity(view).build()
                : Response.ok(view).build();
    }

    @DELETE
    @Path("/{name}")
    @PermissionsAllowed(Permissions.IMPORTS_WRITE)
    @Operation(operationId = "deleteImportMapping", summary = "Delete a saved import mapping")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No mapping of that name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("name") @Parameter(description = "The mapping's name") String name) {
        imports.deleteMapping(name, Actors.of(caller));
        return Response.noContent().build();
    }

    private MappingView view(MappingRow row) {
        return new MappingView(row.name(), imports.specOf(row), row.updatedBy(), row.updatedAt());
    }
}
