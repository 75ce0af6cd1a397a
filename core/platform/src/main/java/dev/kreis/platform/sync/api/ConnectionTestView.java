package dev.kreis.platform.sync.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a connection test found: per object, whether the credentials may read and write it. */
@Schema(name = "ConnectionTest", example = "{\"objects\":[{\"object\":\"contacts\",\"readable\":true,\"writable\":true,\"problem\":null}]}")
public record ConnectionTestView(@Schema(required = true) List<ObjectAccessView> objects) {

    /** One object's access. */
    @Schema(name = "ObjectAccess")
    public record ObjectAccessView(
            @Schema(required = true, example = "contacts") String object,
            @Schema(required = true) boolean readable,
            @Schema(required = true) boolean writable,
            @Schema(nullable = true, description = "Why not, when either is false", example = "403 MISSING_SCOPES") String problem) {
    }
}
