package dev.kreis.platform.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}). {@code errors} names each invalid
 * field by its JSON path, e.g. {@code items[3].customer.identifiers[0].value}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://kreis.dev/problems/";

    public static Problem of(int status, String slug, String title, String detail, List<FieldError> errors) {
        return new Problem(TYPE_BASE + slug, title, status, detail, errors == null ? List.of() : List.copyOf(errors));
    }

    /** One invalid field: its JSON path and what is wrong with it. */
    public record FieldError(@org.eclipse.microprofile.openapi.annotations.media.Schema(required = true, description = "The field's JSON path, e.g. items[0].occurredAt") String field,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true, description = "What is wrong with it") String message) {
    }
}
