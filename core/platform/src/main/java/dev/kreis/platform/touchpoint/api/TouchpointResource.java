package dev.kreis.platform.touchpoint.api;

import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import dev.kreis.platform.security.Permissions;
import dev.kreis.platform.security.RateLimits;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.PayloadTooLargeProblem;
import dev.kreis.platform.touchpoint.IngestResult;
import dev.kreis.platform.touchpoint.TouchpointConfig;
import dev.kreis.platform.touchpoint.TouchpointDrafts;
import dev.kreis.platform.touchpoint.TouchpointIngestion;
import dev.kreis.platform.touchpoint.TouchpointTypeRegistry;
import dev.kreis.spi.touchpoint.TouchpointTypeDefinition;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Touchpoints")
public class TouchpointResource {
    private final TouchpointIngestion ingestion;
    private final TouchpointTypeRegistry types;
    private final dev.kreis.platform.module.ModuleStates modules;
    private final TouchpointDrafts drafts;
    private final TouchpointConfig config;
    private final ObjectMapper json;
    private final RateLimits limits;
    private final SecurityIdentity caller;

    TouchpointResource(TouchpointIngestion ingestion, TouchpointTypeRegistry types, TouchpointConfig config, ObjectMapper json,
            RateLimits limits, SecurityIdentity caller, dev.kreis.platform.module.ModuleStates modules, TouchpointDrafts drafts) {
        this.drafts = drafts;
        this.modules = modules;
        this.json = json;
        this.limits = limits;
        this.caller = caller;
        this.ingestion = ingestion;
        this.types = types;
        this.config = config;
    }

    /** The outcome of a single ingest. */
    @Schema(example = "{\"touchpointId\": \"7b9d1f3a-5c7e-4a9b-8d1f-3a5c7e9b1d3f\", \"status\": \"accepted\", \"customerId\": \"5a7c9e1f-2b4d-4f6a-8c0e-1a3b5c7d9e2f\"}")
    public record SingleResult(@Schema(required = true, description = "The stored touchpoint") UUID touchpointId,
            @Schema(required = true, enumeration = { "accepted", "duplicate" }, description = "accepted (201) or duplicate (200, stored before)") String status,
            @Schema(required = true, description = "The customer it belongs to") UUID customerId) {
    }

    @POST
    @Path("/touchpoints")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.TOUCHPOINTS_WRITE)
    @Operation(operationId = "ingestTouchpoint", summary = "Ingest one touchpoint",
            description = "201 when stored, 200 with status duplicate when (source, externalId) was stored before, 422 naming the invalid fields."
                    + " Requests arriving at the same time are written together (group commit); each is answered once its touchpoint is committed.")
    @APIResponse(responseCode = "201", description = "Stored", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SingleResult.class)))
    @APIResponse(responseCode = "200", description = "Stored before: status duplicate", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SingleResult.class)))
    @APIResponse(responseCode = "413", description = "The body is over the size limit")
    @APIResponse(responseCode = "422", description = "Invalid fields, an unknown type or a type of a module not installed; each is named")
    @APIResponse(responseCode = "429", description = "Over the ingestion rate limit, or this node already holds as many touchpoints waiting to be"
            + " written as kreis.touchpoints.group-commit.max-queued allows; Retry-After says when to try again")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TouchpointRequest.class)))
    public Uni<Response> ingestOne(byte[] raw) throws java.io.IOException {
        JsonNode body = raw.length == 0 ? null : json.readTree(raw);
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("body", "must be a touchpoint object");
        }
        limits.ingestion(caller, 1);
        // Runs on the event loop and waits for its group without a thread, unless validating would read
        // the modules' states from the database: then it starts on a worker thread.
        Uni<IngestResult.Item> item = drafts.readsWithoutDatabase() ? Uni.createFrom().completionStage(ingestion.ingestSent(body))
                : Uni.createFrom().completionStage(() -> ingestion.ingestSent(body)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return item.map(TouchpointResource::answer);
    }

    private static Response answer(IngestResult.Item item) {
        if (item.status().equals("rejected")) {
            throw new InvalidInputException(item.errors());
        }
        return Response.status(item.status().equals("accepted") ? 201 : 200)
                .entity(new SingleResult(item.touchpointId(), item.status(), item.customerId())).build();
    }

    @POST
    @Path("/touchpoints/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.TOUCHPOINTS_WRITE)
    @Operation(operationId = "ingestTouchpoints", summary = "Ingest a batch of touchpoints; each item is accepted, duplicate or rejected on its own")
    @APIResponse(responseCode = "200", description = "Each item accepted, duplicate or rejected on its own", content = @Content(mediaType = "application/json", schema = @Schema(implementation = IngestResult.class)))
    @APIResponse(responseCode = "413", description = "More items than a batch may hold, or the body is over the size limit")
    @APIResponse(responseCode = "422", description = "items is missing or not an array")
    @APIResponse(responseCode = "429", description = "Over the ingestion rate limit")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TouchpointRequest.Batch.class)))
    public IngestResult ingestBatch(byte[] raw) throws java.io.IOException {
        JsonNode body = raw.length == 0 ? null : json.readTree(raw);
        JsonNode items = body == null ? null : body.get("items");
        if (items == null || !items.isArray()) {
            throw new InvalidInputException("items", "must be an array of touchpoints");
        }
        if (items.isEmpty()) {
            throw new InvalidInputException("items", "must hold at least one touchpoint");
        }
        if (items.size() > config.maxBatchItems()) {
            throw new PayloadTooLargeProblem("items", "a batch holds at most " + config.maxBatchItems() + " touchpoints, this one " + items.size());
        }
        limits.ingestion(caller, items.size());
        List<JsonNode> list = new ArrayList<>(items.size());
        items.forEach(list::add);
        return ingestion.ingest(list);
    }

    /** A registered touchpoint type. */
    @Schema(example = """
            {"key": "feedback.nps", "owner": "core", "defaultChannel": "email", "phase": "advocacy", "initiator": "customer", "scoreScale": "nps",
             "description": "Answer to 'How likely are you to recommend us?' (0-10).", "pyramidLevel": "enhancement"}""")
    public record TypeView(@Schema(required = true, description = "The type's key, e.g. core.interaction") String key,
            @Schema(required = true, description = "The module that registered it (core for the platform's own)") String owner,
            @Schema(required = true, enumeration = { "web", "email", "phone", "chat", "store", "social", "app", "sms", "event", "other" }) String defaultChannel,
            @Schema(required = true, enumeration = { "awareness", "interest", "consideration", "intent", "purchase", "retention", "advocacy" }) String phase,
            @Schema(required = true, enumeration = { "customer", "company" }) String initiator,
            @Schema(required = true, nullable = true, description = "nps, csat, ces or sentiment: the scale of its score; null when it carries none scale of its score; null when it carries none") String scoreScale,
            @Schema(required = true, description = "What it records, for people") String description,
            @Schema(required = true, nullable = true, enumeration = { "communication", "accountability", "engagement", "proactivity", "enhancement" }, description = "The CX pyramid level it counts for; null when none") String pyramidLevel) {
        static TypeView of(TouchpointTypeDefinition type) {
            return new TypeView(type.key(), type.owner(), type.defaultChannel().wire(), type.phase().wire(), type.initiator().wire(),
                    type.scoreScale().map(s -> s.wire()).orElse(null), type.description(), type.pyramidLevel().map(l -> l.wire()).orElse(null));
        }
    }

    @GET
    @Path("/touchpoint-types")
    @PermissionsAllowed(Permissions.TOUCHPOINTS_READ)
    @Operation(operationId = "listTouchpointTypes", summary = "The registry of touchpoint types ingestion accepts",
            description = "Types of modules that are not installed and enabled are left out: ingestion refuses them.")
    @APIResponse(responseCode = "200", description = "The registered types", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, implementation = TypeView.class),
            examples = @org.eclipse.microprofile.openapi.annotations.media.ExampleObject(name = "types", value = """
                    [{"key": "core.interaction", "owner": "core", "defaultChannel": "other", "phase": "awareness", "initiator": "customer",
                      "scoreScale": null, "description": "Any interaction a source reports; send phase and channel where known.", "pyramidLevel": null},
                     {"key": "feedback.nps", "owner": "core", "defaultChannel": "email", "phase": "advocacy", "initiator": "customer",
                      "scoreScale": "nps", "description": "Answer to 'How likely are you to recommend us?' (0-10).", "pyramidLevel": "enhancement"}]""")))
    public List<TypeView> types() {
        return types.all().stream().filter(type -> modules.permits(type.owner())).map(TypeView::of).toList();
    }
}
