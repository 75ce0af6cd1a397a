package dev.kreis.platform.api;

import java.util.List;

/** 400: the request cannot be read at all (malformed JSON, a value of the wrong JSON type, a bad query parameter). */
public class MalformedRequestException extends ApiException {

    public MalformedRequestException(String detail) {
        super(400, "malformed-request", "Malformed request", detail, List.of());
    }

    public MalformedRequestException(String field, String message) {
        super(400, "malformed-request", "Malformed request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }
}
