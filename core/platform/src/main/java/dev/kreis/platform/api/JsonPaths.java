package dev.kreis.platform.api;

import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Renders field locations as JSON paths: {@code items[3].customer.identifiers[0].value}. */
public final class JsonPaths {
    private JsonPaths() {
    }

    public static String of(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? "body" : out.toString();
    }

    /** Bean Validation paths look like {@code create.body.identifiers[0].value}; keep the part below the body. */
    static String ofPropertyPath(String propertyPath) {
        String[] parts = propertyPath.split("\\.", 3);
        return parts.length == 3 ? parts[2] : propertyPath;
    }

    public static String child(String parent, String field) {
        return parent == null || parent.isEmpty() ? field : parent + "." + field;
    }

    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
