package dev.kreis.platform.privacy.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.kreis.platform.api.Ids;
import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.NotFoundProblem;
import dev.kreis.platform.audit.Actors;
import dev.kreis.platform.audit.AuditLog;
import dev.kreis.platform.privacy.persistence.SuppressionRepository;
import dev.kreis.platform.security.Permissions;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The suppression list by erasure: how many identifiers of erased persons each erasure put there (one-way hashes, so
 * no value can be shown), and lifting them, with a reason, so the person may come back through an import or a CRM.
 */
@Path("/api/v1/suppressions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy")
public class SuppressionResource {
    private static final int MAX_REASON = 1000;
    private static final int LIMIT = 500;
    private static final String LIST_EXAMPLE = """
            {"items": [{"receiptId": "0e9d8c7b-6a5f-4e3d-9c2b-1a0f9e8d7c6b", "identifiers": 3, "since": "2026-01-31T09:30:00Z"}]}""";
    private static final String LIFTED_EXAMPLE = """
            {"receiptId": "0e9d8c7b-6a5f-4e3d-9c2b-1a0f9e8d7c6b", "lifted": 3}""";

    private final SuppressionRepository suppressions;
    private final AuditLog audit;
    private final SecurityIdentity identity;

    SuppressionResource(SuppressionRepository suppressions, AuditLog audit, SecurityIdentity identity) {
        this.suppressions = suppressions;
        this.audit = audit;
        this.identity = identity;
    }

    /** The list: one entry per erasure, newest first. */
    public record SuppressionList(
            @Schema(required = true, description = "One entry per erasure, newest first (at most 500)") List<SuppressionRepository.ReceiptEntries> items) {
    }

    /** What a lift removed. */
    public record Lifted(
            @Schema(required = true, description = "The erasure whose entries were lifted") UUID receiptId,
            @Schema(required = true, description = "How many identifiers were removed from the list") int lifted) {
    }

    @GET
    @PermissionsAllowed(Permissions.PRIVACY_READ)
    @Operation(operationId = "listSuppressions", summary = "The suppression list by erasure: receipt, how many identifiers, since when (at most 500, newest first)")
    @APIResponse(responseCode = "200", description = "The list by erasure",
            content = @Content(schema = @Schema(implementation = SuppressionList.class), examples = @ExampleObject(name = "list", value = LIST_EXAMPLE)))
    @Transactional(Transactional.TxType.SUPPORTS)
    public SuppressionList list() {
        return new SuppressionList(suppressions.byReceipt(LIMIT));
    }

    @DELETE
    @Path("/{receiptId}")
    @PermissionsAllowed(Permissions.PRIVACY_WRITE)
    @Operation(operationId = "liftSuppressions", summary = "Lift the suppression of every identifier one erasure put on the list; the reason is audited",
            description = "Afterwards profiles and touchpoints with those identifiers are accepted again. The erasure itself and its receipt stay.")
    @APIResponse(responseCode = "404", description = "The erasure has no entries on the list (none, or lifted already)")
    @APIResponse(responseCode = "400", description = "receiptId is not a UUID")
    @APIResponse(responseCode = "422", description = "reason is missing or too long")
    @APIResponse(responseCode = "200", description = "The entries were lifted",
            content = @Content(schema = @Schema(implementation = Lifted.class), examples = @ExampleObject(name = "lifted", value = LIFTED_EXAMPLE)))
    @Transactional
    public Lifted lift(@PathParam("receiptId") String receiptIdText, @QueryParam("reason")
            @Parameter(description = "Why the person may come back (required, at most 1000 characters; it is audited)") String reason) {
        UUID receiptId = Ids.parse("receiptId", receiptIdText);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "is required: why the person may come back (it is audited)");
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "must be at most " + MAX_REASON + " characters");
        }
        int lifted = suppressions.removeOfReceipt(receiptId);
        if (lifted == 0) {
            throw new NotFoundProblem("suppression list entries of erasure", receiptId);
        }
        audit.record(Actors.of(identity), "suppression.lifted", "erasure", receiptId.toString(), Map.of("identifiers", lifted),
                Map.of("identifiers", 0, "reason", reason.trim()));
        return new Lifted(receiptId, lifted);
    }
}
