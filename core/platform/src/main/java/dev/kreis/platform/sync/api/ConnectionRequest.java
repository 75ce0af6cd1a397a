package dev.kreis.platform.sync.api;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A connection to create, or the fields of one to change (PATCH: absent fields stay). */
@Schema(name = "ConnectionRequest", description = "A connection to an external CRM. Credentials are write-only.",
        example = "{\"connector\":\"hubspot\",\"name\":\"HubSpot EU\",\"source\":\"hubspot\",\"baseUrl\":\"https://api.hubapi.com\","
                + "\"credentials\":{\"accessToken\":\"pat-eu1-…\",\"clientSecret\":\"…\"},\"settings\":{\"conflict.default\":\"last-writer-wins\"}}")
public record ConnectionRequest(
        @Schema(description = "The connector's id; required on create, cannot change", example = "hubspot", maxLength = 40) String connector,
        @Schema(description = "For people", example = "HubSpot EU", maxLength = 200) String name,
        @Schema(description = "The source of the profiles the connection brings in; defaults to the connector's id; unique, cannot change",
                example = "hubspot", maxLength = 100, pattern = "[a-z0-9][a-z0-9_.-]{0,99}") String source,
        @Schema(description = "The vendor's API address; defaults to the connector's", example = "https://api.hubapi.com", format = "uri",
                maxLength = 2000) String baseUrl,
        @Schema(description = "The connector's credential fields (see docs/connectors.md); encrypted at rest, never returned. Required on create; "
                + "on PATCH replaces all credentials", example = "{\"accessToken\":\"pat-eu1-…\"}") Map<String, String> credentials,
        @Schema(description = "Settings (docs/connectors.md): push, createRecords, erasure, interval.<object>, conflict.<attribute>, "
                + "conflict.default, mapping.<object>.<field>; on PATCH replaces all settings",
                example = "{\"conflict.default\":\"last-writer-wins\",\"interval.contacts\":\"PT5M\"}") Map<String, String> settings) {
}
