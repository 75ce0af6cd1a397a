package dev.kreis.platform.bulk.api;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a started import: its id, to follow it at {@code GET /api/v1/imports/{id}}. */
@Schema(description = "The id of the queued import.")
public record ImportCreated(@Schema(required = true, format = "uuid", example = "0b6f3c1e-8d1f-4c59-9f9e-2a1f0c4d5e6f") UUID id) {
}
