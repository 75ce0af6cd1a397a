package dev.kreis.platform.bulk.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.api.Ids;
import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.MalformedRequestException;
import dev.kreis.platform.api.Page;
import dev.kreis.platform.api.Problem;
import dev.kreis.platform.api.QueryParams;
import dev.kreis.platform.audit.Actors;
import dev.kreis.platform.bulk.CsvExport;
import dev.kreis.platform.bulk.ImportSpec;
import dev.kreis.platform.bulk.Imports;
import dev.kreis.platform.security.IntegrationDeletesOwn;
import dev.kreis.platform.security.Permissions;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "Bulk CSV imports of profiles and touchpoints (docs/imports.md)")
public class ImportResource {
    private static final String SPEC_EXAMPLE = "{\"kind\":\"profiles\",\"source\":\"legacy-crm\",\"dryRun\":false,"
            + "\"options\":{\"delimiter\":\";\",\"encoding\":\"UTF-8\",\"decimalSeparator\":\",\",\"dateFormat\":\"dd.MM.yyyy\"},"
            + "\"columns\":{\"Kundennummer\":{\"field\":\"externalId\"},\"E-Mail\":{\"identifier\":\"email\"},\"Vorname\":{\"attribute\":\"firstName\"}}}";
    private static final String VIEW_EXAMPLE = "{\"id\":\"0b6f3c1e-8d1f-4c59-9f9e-2a1f0c4d5e6f\",\"kind\":\"profiles\",\"source\":\"legacy-crm\","
            + "\"dryRun\":false,\"status\":\"running\",\"counts\":{\"read\":20000,\"created\":18000,\"updated\":1500,\"unchanged\":400,"
            + "\"rejected\":100},\"rowsPerSecond\":2450.5,\"secondsLeft\":42,\"failure\":null,\"fileName\":\"kunden.csv\","
            + "\"fileBytes\":9000000,\"createdBy\":\"admin\",\"createdAt\":\"2026-12-06T04:00:00Z\",\"startedAt\":\"2026-12-06T04:00:01Z\","
            + "\"finishedAt\":null}";

    private final Imports imports;
    private final ObjectMapper json;
    private final SecurityIdentity caller;

    ImportResource(Imports imports, ObjectMapper json, SecurityIdentity caller) {
        this.imports = imports;
        this.json = json;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @PermissionsAllowed(Permissions.IMPORTS_WRITE)
    @Operation(operationId = "startImport", summary = "Start an import of a CSV file of profiles or touchpoints",
            description = "Checks the spec and the file's header, keeps the file and queues the import; a worker then reads it in committed"
                    + " chunks. Rows are upserted on (source, externalId); rows without an external id are matched by their identifiers."
                    + " With dryRun the import reports what it would do and writes nothing.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = ImportUpload.class),
            examples = @ExampleObject(name = "profiles", summary = "a German CRM export: the spec part and the file part",
                    value = "{\"spec\":" + SPEC_EXAMPLE + ",\"file\":\"Kundennummer;E-Mail;Vorname\\nK-1001;anna@example.com;Anna\"}")))
    @APIResponse(responseCode = "202", description = "Queued; follow it at the Location.",
            headers = @Header(name = "Location", description = "The import", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = ImportCreated.class),
                    examples = @ExampleObject(name = "queued", value = "{\"id\":\"0b6f3c1e-8d1f-4c59-9f9e-2a1f0c4d5e6f\"}")))
    @APIResponse(responseCode = "400", description = "The spec part is not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The file is larger than kreis.imports.max-file-size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The spec is invalid, or the file lacks a mapped column or cannot be read as CSV",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "The caller has kreis.imports.max-active-per-caller imports queued or running",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(@Context RoutingContext context) {
        if (context.get(ImportUploadRoute.READ) == null) {
            // ImportUploadRoute reads every upload of a caller who may import; anything else is not an upload it accepted.
            throw new InvalidInputException("file", "is required: the CSV file as a multipart part named file");
        }
        FileUpload file = part(context, "file");
        Imports.Upload upload = file == null ? null : new Imports.Upload(java.nio.file.Path.of(file.uploadedFileName()), file.fileName(), file.size());
        var row = imports.start(spec(specPart(context)), upload, Actors.of(caller));
        return Response.accepted(new ImportCreated(row.id())).location(URI.create("/api/v1/imports/" + row.id())).build();
    }

    private static FileUpload part(RoutingContext context, String name) {
        return context.fileUploads().stream().filter(f -> name.equals(f.name())).findFirst().orElse(null);
    }

    /** The spec part: a form field, or a part sent with a file name (as some clients send JSON parts). */
    private static String specPart(RoutingContext context) {
        String field = context.request().getFormAttribute("spec");
        if (field != null) {
            return field;
        }
        FileUpload part = part(context, "spec");
        if (part == null) {
            return null;
        }
        try {
            return Files.readString(java.nio.file.Path.of(part.uploadedFileName()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A start sent as anything but multipart: refused after the permission check, so an anonymous caller learns only 401. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @PermissionsAllowed(Permissions.IMPORTS_WRITE)
    @Operation(hidden = true)
    public Response startWithoutMultipart() {
        throw new NotSupportedException("An import is sent as multipart/form-data with the parts spec and file");
    }

    /** The document's name for a page of imports (the generic {@code Page<ImportView>} the list answers). */
    @Schema(name = "ImportPage")
    public record ImportPage(@Schema(required = true) List<ImportView> items,
            @Schema(nullable = true, description = "The cursor of the next page; null on the last page") String nextCursor) {
    }

    @GET
    @PermissionsAllowed(Permissions.IMPORTS_READ)
    @Operation(operationId = "listImports", summary = "Imports, newest first", description = "Cursor-paged like every list.")
    @APIResponse(responseCode = "200", description = "A page of imports",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportPage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\":[" + VIEW_EXAMPLE + "],\"nextCursor\":null}")))
    @APIResponse(responseCode = "400", description = "A bad limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ImportView> list(@QueryParam("limit") @Parameter(description = "Page size, 1-500 (default 50)") String limit,
            @QueryParam("cursor") @Parameter(description = "The nextCursor of the previous page") String cursor) {
        return imports.list(Cursor.decode(cursor), QueryParams.limit(limit)).map(ImportView::of);
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(Permissions.IMPORTS_READ)
    @Operation(operationId = "getImport", summary = "One import: status, counts, rows per second and time left")
    @APIResponse(responseCode = "200", description = "The import",
            content = @Content(schema = @Schema(implementation = ImportView.class), examples = @ExampleObject(name = "running", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such import",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportView get(@PathParam("id") @Parameter(description = "The import's id") String id) {
        return ImportView.of(imports.get(Ids.parse("id", id)));
    }

    @GET
    @Path("/{id}/errors.csv")
    @Produces({ "text/csv", MediaType.APPLICATION_JSON })
    @PermissionsAllowed(Permissions.IMPORTS_READ)
    @Operation(operationId = "getImportErrors", summary = "The rejected rows of an import as CSV",
            description = "One line per problem: row number (the first row after the header is 1), column (empty when the row as a whole"
                    + " is at fault), message and the original row.")
    @APIResponse(responseCode = "200", description = "The error report", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "errors",
                    value = "row,column,message,original row\n7,E-Mail,identifiers[0].value: is not an e-mail address,\"K-7,anna-at-example\"\n")))
    @APIResponse(responseCode = "404", description = "No such import",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response errors(@PathParam("id") @Parameter(description = "The import's id") String id,
            @QueryParam("lang") @Parameter(description = "en (default) or de: header language and delimiter") String lang) {
        java.util.UUID importId = Ids.parse("id", id);
        imports.get(importId);
        StreamingOutput body = out -> {
            try (CsvExport csv = new CsvExport(out, CsvExport.ExportLanguage.of(lang))) {
                csv.header("row", "Zeile", "column", "Spalte", "message", "Meldung", "original row", "Originalzeile");
                imports.errors(importId, p -> {
                    csv.number(p.row()).text(p.column()).text(p.message()).text(p.original());
                    csv.end();
                });
            }
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + importId + "-errors.csv\"").build();
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed(Permissions.IMPORTS_WRITE)
    @IntegrationDeletesOwn(OwnImports.class)
    @Operation(operationId = "cancelImport", summary = "Cancel a queued or running import",
            description = "The chunk being written finishes; nothing after it is written. What was committed before stays."
                    + " The integration role may cancel only the imports it started itself.")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = ImportView.class), examples = @ExampleObject(name = "cancelled", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such import",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The import has already ended",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportView cancel(@PathParam("id") @Parameter(description = "The import's id") String id) {
        return ImportView.of(imports.cancel(Ids.parse("id", id), Actors.of(caller)));
    }

    private ImportSpec spec(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new InvalidInputException("spec", "is required: the import spec as a multipart part named spec");
        }
        try {
            return json.readValue(spec, ImportSpec.class);
        } catch (JsonProcessingException e) {
            throw new MalformedRequestException("spec", "is not a valid import spec: " + e.getOriginalMessage());
        }
    }
}
