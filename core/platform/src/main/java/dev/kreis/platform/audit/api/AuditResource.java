package dev.kreis.platform.audit.api;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.api.MalformedRequestException;
import dev.kreis.platform.api.Page;
import dev.kreis.platform.api.QueryParams;
import dev.kreis.platform.audit.AuditEntry;
import dev.kreis.platform.audit.AuditLog;
import dev.kreis.platform.audit.persistence.AuditRepository.AuditFilter;
import dev.kreis.platform.security.Permissions;
import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {
    private static final int MAX_FILTER = 255;

    private final AuditLog audit;

    AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    @PermissionsAllowed(Permissions.AUDIT_READ)
    @Operation(operationId = "listAuditEntries", summary = "The audit log, newest first",
            description = "Filters combine with and: actor, action, targetType, targetId exactly; from inclusive, to exclusive (ISO-8601).")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "One page of entries",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = AuditPage.class)))
    public Page<AuditEntry> list(@QueryParam("actor") @Parameter(description = "Only entries by this actor (user name or system), exactly") String actor,
            @QueryParam("action") @Parameter(description = "Only entries of this action, exactly, such as customer.erased") String action,
            @QueryParam("targetType") @Parameter(description = "Only entries about this kind of target, exactly, such as customer or module") String targetType,
            @QueryParam("targetId") @Parameter(description = "Only entries about this target id, exactly") String targetId,
            @QueryParam("from") @Parameter(description = "Only entries at or after this instant (ISO-8601)") String from,
            @QueryParam("to") @Parameter(description = "Only entries before this instant (ISO-8601), excluded") String to,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        AuditFilter filter = new AuditFilter(text("actor", actor), text("action", action), text("targetType", targetType),
                text("targetId", targetId), QueryParams.time("from", from).orElse(null), QueryParams.time("to", to).orElse(null));
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw new MalformedRequestException("from", "must be before to");
        }
        return audit.find(filter, Cursor.decode(cursor), QueryParams.limit(limit));
    }

    private static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_FILTER) {
            throw new MalformedRequestException(name, "must be at most " + MAX_FILTER + " characters");
        }
        return value.trim();
    }

    /** A page of audit entries as the API document shows it (the answer is a {@link Page}). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PageAuditEntry",
            example = "{\"items\": [" + AuditEntry.EXAMPLE + "], \"nextCursor\": null}")
    public record AuditPage(
            @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true, description = "The entries of this page, newest first") java.util.List<AuditEntry> items,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true, nullable = true, description = "The cursor of the next page; null on the last page") String nextCursor) {
    }
}
