package dev.kreis.platform.module.api;

import java.net.URI;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.module.ModuleRegistry;
import dev.kreis.platform.module.RegisteredModule;
import dev.kreis.platform.module.persistence.InstallationRow;
import dev.kreis.platform.security.Permissions;
import dev.kreis.spi.module.DataPolicy;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import dev.kreis.platform.api.JsonSchemas;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.semver4j.Semver;

import java.util.List;

/** The module registry for admins: list, install, enable, disable, configure, uninstall, upload declarative modules. */
@Path("/api/v1/modules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Modules")
public class ModuleResource {
    private final ModuleRegistry registry;
    private final SecurityIdentity caller;

    ModuleResource(ModuleRegistry registry, SecurityIdentity caller) {
        this.registry = registry;
        this.caller = caller;
    }

    /** The list answer: every module, available and installed. */
    @Schema(example = "{\"items\": [" + ModuleView.EXAMPLE + "], \"coreVersion\": \"1.4.0\"}")
    public record ModuleList(@Schema(required = true) List<ModuleView> items,
            @Schema(required = true, description = "This installation's core version") String coreVersion) {
    }

    @GET
    @PermissionsAllowed(Permissions.MODULES_READ)
    @Operation(operationId = "listModules", summary = "Every module of this installation, available and installed, with state, versions and contributions (admin)")
    public ModuleList list() {
        return new ModuleList(registry.all().stream().map(this::view).toList(), registry.coreVersion());
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(Permissions.MODULES_READ)
    @Operation(operationId = "getModule", summary = "One module (admin)")
    @APIResponse(responseCode = "404", description = "No such module")
    @APIResponse(responseCode = "200")
    public ModuleView get(@PathParam("id") @Parameter(description = "The module's id, such as support") String id) {
        return view(registry.require(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.MODULES_WRITE)
    @Operation(operationId = "uploadModule", summary = "Upload a declarative module (admin): touchpoint types, custom attributes and KPIs from a JSON descriptor",
            description = "No code and no restart. The module is then available; install it like any other. Uploading a higher version of an"
                    + " installed declarative module upgrades it. docs/modules.md describes the descriptor.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ModuleUpload.Descriptor.class),
            examples = @org.eclipse.microprofile.openapi.annotations.media.ExampleObject(name = "events", value = ModuleUpload.EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The module, available to install", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ModuleView.class)), headers = @Header(name = "Location", description = "The URL of what was created", required = true, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "uri-reference")))
    @APIResponse(responseCode = "409", description = "The id belongs to a bundled module, the version is installed already, or the installation has the most declarative modules it allows")
    @APIResponse(responseCode = "422", description = "An invalid descriptor; each invalid field is named")
    public Response upload(JsonNode body) {
        RegisteredModule module = registry.upload(body, actor());
        ModuleView view = view(module);
        return Response.created(URI.create("/api/v1/modules/" + view.id())).entity(view).build();
    }

    @POST
    @Path("/{id}/install")
    @PermissionsAllowed(Permissions.MODULES_WRITE)
    @Operation(operationId = "installModule", summary = "Install (and enable) a module, or upgrade it to the version offered (admin)",
            description = "Runs the module's migrations; refuses with 409 a module whose coreVersions this core does not satisfy.")
    @APIResponse(responseCode = "404", description = "No such module")
    @APIResponse(responseCode = "409", description = "The module is installed at this version already, or needs another core version")
    @APIResponse(responseCode = "200")
    public ModuleView install(@PathParam("id") @Parameter(description = "The module's id, such as support") String id) {
        registry.install(id, actor());
        return view(registry.require(id));
    }

    @POST
    @Path("/{id}/enable")
    @PermissionsAllowed(Permissions.MODULES_WRITE)
    @Operation(operationId = "enableModule", summary = "Enable an installed, disabled module (admin)")
    @APIResponse(responseCode = "404", description = "No such module")
    @APIResponse(responseCode = "409", description = "The module is not installed, or is enabled")
    @APIResponse(responseCode = "200")
    public ModuleView enable(@PathParam("id") @Parameter(description = "The module's id, such as support") String id) {
        registry.enable(id, actor());
        return view(registry.require(id));
    }

    @POST
    @Path("/{id}/disable")
    @PermissionsAllowed(Permissions.MODULES_WRITE)
    @Operation(operationId = "disableModule", summary = "Disable a module (admin): its API answers 404, its touchpoint types are refused, its KPIs hidden; its data stays")
    @APIResponse(responseCode = "404", description = "No such module")
    @APIResponse(responseCode = "409", description = "The module is not installed, or is disabled")
    @APIResponse(responseCode = "200")
    public ModuleView disable(@PathParam("id") @Parameter(description = "The module's id, such as support") String id) {
        registry.disable(id, actor());
        return view(registry.require(id));
    }

    @GET
    @Path("/{id}/purge-preview")
    @PermissionsAllowed(Permissions.MODULES_READ)
    @Operation(operationId = "previewModulePurge", summary = "What uninstalling with data=purge would delete, counted now (admin); nothing changes",
            description = "Touchpoints the module fed or of its types, holds it placed, the module's own records by kind (tickets, deals,"
                    + " campaigns…, as the module counts them), the contributions it registered, and whether its settings are reset.")
    @APIResponse(responseCode = "404", description = "No such module")
    @APIResponse(responseCode = "200", description = "The counts; nothing changed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ModuleRegistry.PurgePreview.class),
                    examples = @org.eclipse.microprofile.openapi.annotations.media.ExampleObject(name = "preview", value = """
                            {"module": "support", "state": "enabled", "touchpoints": 42, "holds": 1, \
                            "records": [{"kind": "tickets", "count": 12}, {"kind": "ticket-events", "count": 31}], \
                            "contributions": {"attribute": ["support.tier"], "kpi": ["support.first_response"], \
                            "touchpoint-type": ["support.ticket_opened", "support.ticket_solved"]}, "settings": true}""")))
    public ModuleRegistry.PurgePreview purgePreview(@PathParam("id")
            @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "The module's id, such as support") String id) {
        return registry.purgePreview(id);
    }

    @PUT
    @Path("/{id}/config")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.MODULES_WRITE)
    @Operation(operationId = "configureModule", summary = "Set a module's settings (admin), validated against its configuration schema; unset keys take their defaults")
    @APIResponse(responseCode = "404", description = "No such module")
    @APIResponse(responseCode = "422", description = "A setting the module does not have, or a value its schema refuses; each is named")
    @APIResponse(responseCode = "200")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = JsonSchemas.ScalarAttributes.class)))
    public ModuleView configure(@PathParam("id") @Parameter(description = "The module's id, such as support") String id, JsonNode body) {
        registry.require(id);
        registry.configure(id, body, actor());
        return view(registry.require(id));
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed(Permissions.MODULES_WRITE)
    @Operation(operationId = "uninstallModule", summary = "Uninstall a module (admin): data=keep leaves its data for a later install, data=purge deletes its rows and touchpoints")
    @APIResponse(responseCode = "404", description = "No such module")
    @APIResponse(responseCode = "409", description = "The module is not installed")
    @APIResponse(responseCode = "422", description = "data is missing or is neither keep nor purge")
    @APIResponse(responseCode = "200")
    public ModuleView uninstall(@PathParam("id") @Parameter(description = "The module's id, such as support") String id,
            @QueryParam("data") @Parameter(required = true, description = "keep (leave the module data for a later install) or purge (delete it)") String data) {
        registry.require(id);
        DataPolicy policy;
        if (data == null || data.isBlank()) {
            throw new InvalidInputException("data", "is required: keep (leave the module's data for a later install) or purge (delete it)");
        } else if (data.equals("keep")) {
            policy = DataPolicy.KEEP;
        } else if (data.equals("purge")) {
            policy = DataPolicy.PURGE;
        } else {
            throw new InvalidInputException("data", "must be keep or purge");
        }
        registry.uninstall(id, policy, actor());
        return view(registry.require(id));
    }

    private ModuleView view(RegisteredModule module) {
        String id = module.id();
        InstallationRow row = registry.installation(id).orElse(null);
        String state = registry.state(id).wire();
        int order = row == null || row.installedVersion() == null ? 0
                : Semver.parse(module.descriptor().version()).compareTo(Semver.parse(row.installedVersion()));
        return ModuleView.of(module, state, row, registry.compatible(module.descriptor()), registry.settings(id),
                registry.contributions(id), order);
    }

    private String actor() {
        return caller.getPrincipal().getName();
    }
}
