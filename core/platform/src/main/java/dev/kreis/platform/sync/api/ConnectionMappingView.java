package dev.kreis.platform.sync.api;

import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.kreis.platform.sync.ConnectionMappings;

/** A connection's field mapping and conflict policies, as {@code GET|PUT /api/v1/connections/{id}/mapping} answer them. */
@Schema(name = "ConnectionMapping", example = "{\"defaultConflictPolicy\":\"last-writer-wins\",\"objects\":[{\"object\":\"contacts\","
        + "\"becomes\":\"person\",\"fields\":[{\"field\":\"email\",\"attribute\":\"email\",\"defaultAttribute\":\"email\","
        + "\"identifier\":\"email\",\"writable\":false,\"conflictPolicy\":\"last-writer-wins\",\"overridden\":false},"
        + "{\"field\":\"jobtitle\",\"attribute\":\"role\",\"defaultAttribute\":\"jobTitle\",\"identifier\":null,"
        + "\"writable\":true,\"conflictPolicy\":\"crm-wins\",\"overridden\":true}]}]}")
public record ConnectionMappingView(
        @Schema(required = true, enumeration = { "last-writer-wins", "crm-wins", "kreis-wins" },
                description = "The policy of every field without its own") String defaultConflictPolicy,
        @Schema(required = true) List<ObjectView> objects) {

    /** One CRM object's fields. */
    @Schema(name = "ConnectionMappingObject")
    public record ObjectView(
            @Schema(required = true, example = "contacts") String object,
            @Schema(required = true, enumeration = { "person", "organisation", "touchpoint" }) String becomes,
            @Schema(required = true) List<FieldView> fields) {
    }

    /** One CRM field's effective mapping. */
    @Schema(name = "ConnectionMappingField")
    public record FieldView(
            @Schema(required = true, example = "jobtitle") String field,
            @Schema(required = true, example = "jobTitle", description = "The Kreis attribute it maps to; - when ignored") String attribute,
            @Schema(required = true, example = "jobTitle", description = "The connector's default") String defaultAttribute,
            @Schema(nullable = true, enumeration = { "email", "phone" }, description = "The identifier type its value is, if any") String identifier,
            @Schema(required = true, description = "Whether Kreis writes it back to the CRM") boolean writable,
            @Schema(required = true, enumeration = { "last-writer-wins", "crm-wins", "kreis-wins" }) String conflictPolicy,
            @Schema(required = true, description = "Whether the connection overrides the attribute or the policy") boolean overridden) {
    }

    static ConnectionMappingView of(ConnectionMappings.Mapping mapping) {
        return new ConnectionMappingView(mapping.defaultConflictPolicy().wire(), mapping.objects().stream()
                .map(o -> new ObjectView(o.object(), o.becomes().name().toLowerCase(Locale.ROOT), o.fields().stream()
                        .map(f -> new FieldView(f.field(), f.attribute(), f.defaultAttribute(), f.identifier().orElse(null), f.writable(),
                                f.conflictPolicy().wire(), f.overridden()))
                        .toList()))
                .toList());
    }

    /** The body of {@code PUT /api/v1/connections/{id}/mapping}: replaces every override of the connection. */
    @Schema(name = "ConnectionMappingRequest", example = "{\"defaultConflictPolicy\":\"last-writer-wins\",\"fields\":[{\"object\":\"contacts\","
            + "\"field\":\"jobtitle\",\"attribute\":\"role\",\"conflictPolicy\":\"crm-wins\"}]}")
    public record Request(
            @Schema(nullable = true, enumeration = { "last-writer-wins", "crm-wins", "kreis-wins" },
                    description = "Left out: last-writer-wins") String defaultConflictPolicy,
            @Schema(nullable = true, maxItems = 500, description = "The fields that differ from the defaults; left out: none") List<FieldRequest> fields) {
    }

    /** One field override. */
    @Schema(name = "ConnectionMappingFieldRequest")
    public record FieldRequest(
            @Schema(required = true, example = "contacts") String object,
            @Schema(required = true, example = "jobtitle") String field,
            @Schema(nullable = true, example = "role", maxLength = 100,
                    description = "The Kreis attribute; - ignores the field; left out: the connector's default") String attribute,
            @Schema(nullable = true, type = SchemaType.STRING, enumeration = { "last-writer-wins", "crm-wins", "kreis-wins" },
                    description = "Left out: the connection's default") String conflictPolicy) {
    }
}
